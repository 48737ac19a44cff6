/* time.h — the simulation's clock type.
 *
 * SimTime is a time in hours, as a double, counted from the scenario's
 * start instant (see calendar.h for the civil time it maps to).  Schedule
 * at absolute times computed from a base, never by accumulating a series
 * of small steps: a double has about 1e-10 h of resolution after a
 * century of simulated time, but summed steps drift.
 */
#ifndef DRSIM_SIM_TIME_H
#define DRSIM_SIM_TIME_H

typedef double SimTime;

#endif
