/* test_world.c — the model's semantics pinned on small deterministic
 * scenarios (fixed laws), each with its exact outcome worked out by hand
 * in the comment above it: staffed hours, call-out, site outages and
 * destruction, data loss, censoring, dependencies, cold spares. */
#include <math.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "models/results/results.h"
#include "models/scenario/scenario.h"
#include "models/world/world.h"
#include "testutil.h"

static MdlWorld *played;	/* the world of the last play() */

/* The scenario made of a header (one replication, start Monday
 * 2026-01-05 00:00) and body, played for one replication. */
static MdlResults *play(const char *body, const char *horizon,
			MdlScenario **out_sc)
{
	g_autofree char *text = g_strdup_printf(
		"scenario = { name = \"t\"; horizon = \"%s\"; replications = 1; };\n"
		"%s\n", horizon, body);
	MdlScenario *sc = test_scenario_text(text, NULL);
	MdlWorld *w = mdl_world_new(sc);
	MdlResults *r = mdl_results_new(sc, mdl_world_labels(w), FALSE);
	ck_assert(mdl_results_play(w, 0, r, NULL));
	played = w;
	*out_sc = sc;
	return r;
}

/* Frees what play() made, results first (they borrow the world's
 * labels), the scenario last (the world borrows it). */
static void done(MdlResults *r, MdlScenario *sc)
{
	mdl_results_free(r);
	mdl_world_free(played);
	played = NULL;
	mdl_scenario_free(sc);
}

/* A site "room" without hazards. */
#define ROOM "sites = ( { id = \"room\"; kind = \"internal\"; country = \"FR\"; } );\n"

#define ONE_UNIT(ttf, repair, extra)                                       \
	ROOM "components = ( { id = \"x\"; site = \"room\"; " extra               \
	" failures = ( { name = \"f\"; ttf = \"" ttf "\"; repair = \""      \
	repair "\"; } ); } );\n"

/* The same on a site defined by the test. */
#define UNIT_ON_SITE(ttf, repair, extra)                                   \
	"components = ( { id = \"x\"; site = \"room\"; " extra              \
	" failures = ( { name = \"f\"; ttf = \"" ttf "\"; repair = \""     \
	repair "\"; } ); } );\n"

#define SERVICE(targets) \
	"services = ( { id = \"s\"; requires = [\"x\"]; " targets " } );\n"

/* Fails Saturday 10:00 (t = 130 h); the crew works mon-fri 08:00-18:00
 * without on-call: the repair starts Monday 08:00 (t = 176 h) and ends at
 * 178 h.  One incident, RTO 48 h > target 4 h; the crew waited 46 h. */
START_TEST(test_world_waits_for_business_hours)
{
	MdlScenario *sc;
	MdlResults *r = play(
		"crews = ( { id = \"it\"; hours = \"mon-fri 08:00-18:00\"; } );\n"
		ONE_UNIT("130h", "2h", "crew = \"it\";") SERVICE("rto = \"4h\";"),
		"200h", &sc);
	const MdlServiceResults *s = &r->services[0];

	ck_assert_uint_eq(s->incidents, 1);
	assert_close(s->rto_h.mean, 48, 1e-9);
	ck_assert_uint_eq(s->rto_met, 0);
	assert_close(s->availability.mean, (200 - 48) / 200.0, 1e-12);
	ck_assert_uint_eq(r->crews[0].repairs, 1);
	ck_assert_uint_eq(r->crews[0].immediate, 0);
	assert_close(r->crews[0].wait_h.mean, 46, 1e-9);
	done(r, sc);
}
END_TEST

/* The same with on-call service, call-out 1 h: repair from 131 h to
 * 133 h, RTO 3 h within the 4 h target. */
START_TEST(test_world_callout)
{
	MdlScenario *sc;
	MdlResults *r = play(
		"crews = ( { id = \"it\"; hours = \"mon-fri 08:00-18:00\"; "
		"callout = \"1h\"; } );\n"
		ONE_UNIT("130h", "2h", "crew = \"it\";") SERVICE("rto = \"4h\";"),
		"200h", &sc);

	assert_close(r->services[0].rto_h.mean, 3, 1e-9);
	ck_assert_uint_eq(r->services[0].rto_met, 1);
	assert_close(r->crews[0].wait_h.mean, 1, 1e-9);
	done(r, sc);
}
END_TEST

/* A power cut every 50 h lasting 5 h, the next one counted from the end
 * of the last: outages [50, 55] and [105, 110] within 120 h.  Both
 * components go down together (common cause); data is intact (RPO 0). */
START_TEST(test_world_site_outage)
{
	MdlScenario *sc;
	MdlResults *r = play(
		"sites = ( { id = \"room\"; kind = \"internal\"; country = \"FR\";"
		" hazards = ( { name = \"power\"; every = \"50h\"; effect = \"outage\";"
		" duration = \"5h\"; } ); } );\n"
		"components = ( { id = \"a\"; site = \"room\"; failures = ( { name ="
		" \"f\"; ttf = \"1000y\"; repair = \"1h\"; } ); },"
		" { id = \"b\"; site = \"room\"; failures = ( { name = \"f\"; ttf ="
		" \"1000y\"; repair = \"1h\"; } ); } );\n"
		"services = ( { id = \"s\"; requires = [\"a\", \"b\"]; rpo = \"0h\"; } );",
		"120h", &sc);
	const MdlServiceResults *s = &r->services[0];

	ck_assert_uint_eq(s->incidents, 2);
	assert_close(s->rto_h.mean, 5, 1e-9);
	assert_close(s->availability.mean, 110 / 120.0, 1e-12);
	ck_assert_uint_eq(s->rpo_unknown, 0);
	ck_assert_uint_eq(s->rpo_met, 2);
	ck_assert_uint_eq(s->both_met, 2);
	assert_close(r->components[0].availability.mean, 110 / 120.0, 1e-12);
	done(r, sc);
}
END_TEST

/* The site is destroyed at 50 h and rebuilt in 10 h: one incident of
 * 10 h whose data is lost (RPO unknown until data protection exists). */
START_TEST(test_world_site_destroyed)
{
	MdlScenario *sc;
	MdlResults *r = play(
		"sites = ( { id = \"room\"; kind = \"internal\"; country = \"FR\";"
		" hazards = ( { name = \"fire\"; every = \"50h\"; effect ="
		" \"destroyed\"; rebuild = \"10h\"; } ); } );\n"
		UNIT_ON_SITE("1000y", "1h", "") SERVICE(""),
		"70h", &sc);
	const MdlServiceResults *s = &r->services[0];

	ck_assert_uint_eq(s->incidents, 1);
	assert_close(s->rto_h.mean, 10, 1e-9);
	ck_assert_uint_eq(s->rpo_unknown, 1);
	ck_assert_uint_eq(s->both_met, 0);
	done(r, sc);
}
END_TEST

/* A repair in progress when the site burns is withdrawn (the crew member
 * is freed) and the unit comes back with the rebuild: fails at 40 h,
 * repair 100 h, fire at 50 h, rebuild 10 h -> one incident [40, 60]. */
START_TEST(test_world_destroyed_cancels_repair)
{
	MdlScenario *sc;
	MdlResults *r = play(
		"crews = ( { id = \"it\"; } );\n"
		"sites = ( { id = \"room\"; kind = \"internal\"; country = \"FR\";"
		" hazards = ( { name = \"fire\"; every = \"50h\"; effect ="
		" \"destroyed\"; rebuild = \"10h\"; } ); } );\n"
		UNIT_ON_SITE("40h", "100h", "crew = \"it\";") SERVICE(""),
		"95h", &sc);
	const MdlServiceResults *s = &r->services[0];

	/* [40, 60], then the renewed unit fails at 100 > 95 */
	ck_assert_uint_eq(s->incidents, 1);
	ck_assert_uint_eq(s->censored, 0);
	assert_close(s->rto_h.mean, 20, 1e-9);
	done(r, sc);
}
END_TEST

/* A data_loss failure: the incident's RPO is unknown, never 0. */
START_TEST(test_world_data_loss)
{
	MdlScenario *sc;
	MdlResults *r = play(
		ROOM "components = ( { id = \"x\"; site = \"room\"; failures = ( { name ="
		" \"corrupt\"; ttf = \"10h\"; repair = \"1h\"; effect = \"data_loss\";"
		" } ); } );\n" SERVICE("rpo = \"1h\";"),
		"15h", &sc);
	const MdlServiceResults *s = &r->services[0];

	ck_assert_uint_eq(s->incidents, 1);
	ck_assert_uint_eq(s->rpo_unknown, 1);
	ck_assert_uint_eq(s->rpo_h.n, 0);
	ck_assert_uint_eq(s->rpo_met, 0);
	done(r, sc);
}
END_TEST

/* An incident open at the horizon is censored: counted, not dropped, out
 * of the RTO figures; its downtime counts. */
START_TEST(test_world_censored)
{
	MdlScenario *sc;
	MdlResults *r = play(ONE_UNIT("10h", "100h", "") SERVICE(""), "50h", &sc);
	const MdlServiceResults *s = &r->services[0];

	ck_assert_uint_eq(s->incidents, 0);
	ck_assert_uint_eq(s->censored, 1);
	ck_assert_uint_eq(s->rto_h.n, 0);
	assert_close(s->availability.mean, 10 / 50.0, 1e-12);
	assert_close(s->downtime_h_per_year.mean, 40 / (50 / 8760.0), 1e-6);
	done(r, sc);
}
END_TEST

/* "app" depends on "ad": when ad's component fails at 10 h for 5 h, both
 * services are down [10, 15]; ad's failure does not touch x. */
START_TEST(test_world_dependencies)
{
	MdlScenario *sc;
	MdlResults *r = play(
		ROOM "components = ( { id = \"x\"; site = \"room\"; failures = ( { name ="
		" \"f\"; ttf = \"1000y\"; repair = \"1h\"; } ); },"
		" { id = \"dc\"; site = \"room\"; failures = ( { name = \"f\"; ttf ="
		" \"10h\"; repair = \"5h\"; } ); } );\n"
		"services = ( { id = \"app\"; requires = [\"x\"]; depends = [\"ad\"]; },"
		" { id = \"ad\"; requires = [\"dc\"]; } );",
		"20h", &sc);

	for (guint i = 0; i < 2; i++) {
		ck_assert_uint_eq(r->services[i].incidents, 1);
		assert_close(r->services[i].rto_h.mean, 5, 1e-9);
	}
	assert_close(r->components[0].availability.mean, 1, 0);
	done(r, sc);
}
END_TEST

/* Cold spare: 2 units, need 1, ttf 10 h of operation, repair 3 h.  Unit 0
 * fails at 10 (repaired at 13, then rests as the spare), unit 1 runs from
 * 10 and fails at 20, unit 0 takes over: the service never stops.  Units
 * up: 2·25 − 3 − 3 = 44 unit-hours of 50.  With calendar aging both fail
 * at 10 and again at 23: one incident of 3 h, one censored, 40 of 50. */
START_TEST(test_world_cold_spare)
{
	static const struct {
		const char *ages;
		guint64 incidents;
		double units_up;
	} c[] = {
		{ "operating", 0, 44 / 50.0 },
		{ "always", 1, 40 / 50.0 },
	};
	g_autofree char *body = g_strdup_printf(
		ROOM "components = ( { id = \"x\"; site = \"room\"; count = 2; need = 1;"
		" ages = \"%s\"; failures = ( { name = \"f\"; ttf = \"10h\";"
		" repair = \"3h\"; } ); } );\n" SERVICE(""), c[_i].ages);
	MdlScenario *sc;
	MdlResults *r = play(body, "25h", &sc);

	ck_assert_uint_eq(r->services[0].incidents, c[_i].incidents);
	assert_close(r->components[0].units_up.mean, c[_i].units_up, 1e-12);
	done(r, sc);
}
END_TEST

/* One crew member, two failures at once (both units fail at 10 h): the
 * second repair waits for the first.  Repairs 10-13 and 13-16; the
 * service (need 2) is down [10, 16]. */
START_TEST(test_world_crew_line)
{
	MdlScenario *sc;
	MdlResults *r = play(
		"crews = ( { id = \"it\"; size = 1; } );\n"
		ROOM "components = ( { id = \"x\"; site = \"room\"; count = 2; crew = \"it\";"
		" failures = ( { name = \"f\"; ttf = \"10h\"; repair = \"3h\"; } ); } );\n"
		SERVICE(""),
		"20h", &sc);

	ck_assert_uint_eq(r->services[0].incidents, 1);
	assert_close(r->services[0].rto_h.mean, 6, 1e-9);
	ck_assert_uint_eq(r->crews[0].repairs, 2);
	ck_assert_uint_eq(r->crews[0].immediate, 1);
	assert_close(r->crews[0].wait_h.mean, 1.5, 1e-9);
	done(r, sc);
}
END_TEST

Suite *world_suite(void)
{
	Suite *s = suite_create("world");
	TCase *tc = tcase_create("semantics");

	tcase_add_test(tc, test_world_waits_for_business_hours);
	tcase_add_test(tc, test_world_callout);
	tcase_add_test(tc, test_world_site_outage);
	tcase_add_test(tc, test_world_site_destroyed);
	tcase_add_test(tc, test_world_destroyed_cancels_repair);
	tcase_add_test(tc, test_world_data_loss);
	tcase_add_test(tc, test_world_censored);
	tcase_add_test(tc, test_world_dependencies);
	tcase_add_loop_test(tc, test_world_cold_spare, 0, 2);
	tcase_add_test(tc, test_world_crew_line);
	suite_add_tcase(s, tc);
	return s;
}
