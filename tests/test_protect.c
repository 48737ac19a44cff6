/* test_protect.c — data protection and recovery pinned on small
 * deterministic scenarios (fixed laws; start Monday 2026-01-05 00:00),
 * each with its exact outcome worked out by hand above it: skipped
 * backups, restore fallback, copies lost with their site, ransomware and
 * immutability, retention against the dwell time, synchronous
 * replication, and a manual failover waiting for business hours. */
#include <math.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "models/results/results.h"
#include "models/scenario/scenario.h"
#include "models/world/world.h"
#include "testutil.h"

/* One replication of the scenario text (horizon given), its incidents
 * logged. */
static MdlResults *play(const char *body, const char *horizon,
			MdlScenario **out_sc)
{
	g_autofree char *text = g_strdup_printf(
		"scenario = { name = \"t\"; horizon = \"%s\"; replications = 1; };\n"
		"%s\n", horizon, body);

	return test_play(text, 1, out_sc);
}

enum { COL_T0 = TEST_COL_T0, COL_DECLARE = TEST_COL_DECLARE,
       COL_PATH = TEST_COL_PATH, COL_RTO = TEST_COL_RTO,
       COL_RPO = TEST_COL_RPO };

static void assert_path(const MdlResults *r, guint row, const char *path)
{
	g_autofree char *f = test_incident_field(r, row, COL_PATH);

	ck_assert_str_eq(f, path);
}

#define SITES(...) "sites = ( " __VA_ARGS__ " );\n"
#define SITE(id) "{ id = \"" id "\"; kind = \"internal\"; country = \"FR\"; }"
#define DISK(ttf, repair)                                                   \
	"components = ( { id = \"disk\"; site = \"room\"; failures = ( { name =" \
	" \"corrupt\"; effect = \"data_loss\"; ttf = \"" ttf "\"; repair = \""   \
	repair "\"; } ); } );\n"
#define SERVICE "services = ( { id = \"app\"; requires = [\"disk\"]; data = [\"db\"]; } );\n"

/* 1. Backups every 24 h to the vault; the room (and so the disk, the
 * source) is out [20, 30]: the job of 24 h is skipped.  The disk's data
 * is corrupted at 40 h: the newest backup is that of 0 h, RPO 40 h (16 h
 * had the job run).  Repair 1 h, restore instant: RTO 1 h. */
START_TEST(test_protect_backup_skipped_while_source_down)
{
	MdlScenario *sc;
	MdlResults *r = play(
		SITES("{ id = \"room\"; kind = \"internal\"; country = \"FR\";"
		      " hazards = ( { name = \"power\"; every = \"20h\";"
		      " effect = \"outage\"; duration = \"10h\"; } ); }, "
		      SITE("vault"))
		DISK("40h", "1h")
		"datasets = ( { id = \"db\"; storage = \"disk\"; size = \"1TB\";"
		" copies = ( { id = \"daily\"; kind = \"backup\"; every = \"24h\";"
		" site = \"vault\"; } ); } );\n" SERVICE,
		"45h", &sc);

	ck_assert_uint_eq(r->services[0].incidents, 2);	/* power, corruption */
	assert_close(test_incident_num(r, 1, COL_T0), 40, 1e-9);
	assert_close(test_incident_num(r, 1, COL_RPO), 40, 1e-9);
	assert_close(test_incident_num(r, 1, COL_RTO), 1, 1e-9);
	assert_path(r, 1, "restore:db/daily");
	test_played_free(r, sc);
}
END_TEST

/* 2. A snapshot every hour (only the last kept) whose restores always
 * fail after 30 min, and a backup every 24 h in the vault (1 h restore).
 * Corruption at 30.5 h, instant repair: the snapshot of 30 h fails at
 * 31 h; the next older copy is the backup of 24 h, restored at 32 h.
 * RTO 1.5 h, RPO 6.5 h, path the backup. */
START_TEST(test_protect_failed_restore_falls_back)
{
	MdlScenario *sc;
	MdlResults *r = play(
		SITES(SITE("room") ", " SITE("vault")) DISK("30.5h", "0h")
		"datasets = ( { id = \"db\"; storage = \"disk\"; size = \"1TB\"; copies = ("
		" { id = \"snap\"; kind = \"snapshot\"; every = \"1h\"; keep = 1;"
		"   restore = { overhead = \"30min\"; success = \"0%\"; }; },"
		" { id = \"daily\"; kind = \"backup\"; every = \"24h\"; site = \"vault\";"
		"   restore = { overhead = \"1h\"; }; } ); } );\n" SERVICE,
		"40h", &sc);

	ck_assert_uint_eq(r->services[0].incidents, 1);
	assert_close(test_incident_num(r, 0, COL_RTO), 1.5, 1e-9);
	assert_close(test_incident_num(r, 0, COL_RPO), 6.5, 1e-9);
	assert_path(r, 0, "restore:db/daily");
	test_played_free(r, sc);
}
END_TEST

/* 3. Backups every 12 h in the vault, every 40 h in a second room.  The
 * vault burns at 50 h (rebuilt after 1000 h): its copies are gone.
 * Corruption at 59 h: the vault would have given 48 h (RPO 11 h); the
 * second room gives 40 h: RPO 19 h.  Without the fire: RPO 11 h. */
START_TEST(test_protect_copy_lost_with_its_site)
{
	static const char *const vault[] = {
		"{ id = \"vault\"; kind = \"internal\"; country = \"FR\";"
		" hazards = ( { name = \"fire\"; every = \"50h\"; effect ="
		" \"destroyed\"; rebuild = \"1000h\"; } ); }",
		SITE("vault"),
	};
	static const double rpo[] = { 19, 11 };
	static const char *const path[] = { "restore:db/second",
					     "restore:db/vaulted" };
	g_autofree char *body = g_strdup_printf(
		"sites = ( %s, %s, %s );\n" DISK("59h", "0h")
		"datasets = ( { id = \"db\"; storage = \"disk\"; size = \"1TB\"; copies = ("
		" { id = \"vaulted\"; kind = \"backup\"; every = \"12h\"; site = \"vault\"; },"
		" { id = \"second\"; kind = \"backup\"; every = \"40h\"; site = \"room2\"; }"
		" ); } );\n" SERVICE,
		SITE("room"), vault[_i], SITE("room2"));
	MdlScenario *sc;
	MdlResults *r = play(body, "70h", &sc);

	ck_assert_uint_eq(r->services[0].incidents, 1);
	assert_close(test_incident_num(r, 0, COL_RPO), rpo[_i], 1e-9);
	assert_path(r, 0, path[_i]);
	test_played_free(r, sc);
}
END_TEST

/* 4. Ransomware: infection at 100 h, encryption at 110 h (dwell 10 h),
 * reaching the room and the vault; forensics and rebuild 5 h.  Two backups
 * every 24 h in the vault: "open" is encrypted, "locked" is immutable and
 * survives.  Only a copy older than the infection is accepted: locked's job
 * of 96 h.  t0 = 110 h: RPO 14 h (the dwell time is lost too), RTO 5 h.
 * With "locked" mutable as well, nothing is left: the data is lost for
 * good, all of it since its oldest (the default history of 20 years
 * before t = 0): RPO 110 + 175 200 h. */
START_TEST(test_protect_ransomware_spares_immutable)
{
	static const char *const locked[] = { "true", "false" };
	g_autofree char *body = g_strdup_printf(
		SITES(SITE("room") ", " SITE("vault")) DISK("100y", "1h")
		"datasets = ( { id = \"db\"; storage = \"disk\"; size = \"1TB\"; copies = ("
		" { id = \"open\"; kind = \"backup\"; every = \"24h\"; site = \"vault\"; },"
		" { id = \"locked\"; kind = \"backup\"; every = \"24h\"; site = \"vault\";"
		"   immutable = %s; } ); } );\n" SERVICE
		"threats = ( { kind = \"ransomware\"; name = \"crypto\"; every = \"100h\";"
		" dwell = \"10h\"; reach = [\"room\", \"vault\"]; rebuild = \"5h\"; } );\n",
		locked[_i]);
	MdlScenario *sc;
	MdlResults *r = play(body, "150h", &sc);

	ck_assert_uint_eq(r->services[0].incidents, 1);
	assert_close(test_incident_num(r, 0, COL_T0), 110, 1e-9);
	assert_close(test_incident_num(r, 0, COL_RTO), 5, 1e-9);
	if (_i == 0) {
		assert_close(test_incident_num(r, 0, COL_RPO), 14, 1e-9);
		assert_path(r, 0, "restore:db/locked");
	} else {
		assert_close(test_incident_num(r, 0, COL_RPO),
			     110 + 20 * 8760, 1e-9);
		assert_path(r, 0, "unrecoverable:db");
		ck_assert_uint_eq(r->services[0].lost_for_good, 1);
		ck_assert_uint_eq(r->services[0].rpo_met, 0);
	}
	test_played_free(r, sc);
}
END_TEST

/* 5. Retention shorter than the dwell time: nightly backups keep 2 jobs
 * (2 days); the dwell is 120 h (infection at 100 h, encryption at 220 h).
 * At 220 h the nightlies left are those of 192 h and 216 h, both newer
 * than the infection.  A weekly offsite copy (tape, at 0 h and 168 h, 24 h
 * transfer) holds the nightly of 0 h: RPO 220 h, through the tape. */
START_TEST(test_protect_retention_shorter_than_dwell)
{
	MdlScenario *sc;
	MdlResults *r = play(
		SITES(SITE("room") ", " SITE("vault") ", " SITE("bunker"))
		DISK("100y", "1h")
		"datasets = ( { id = \"db\"; storage = \"disk\"; size = \"1TB\"; copies = ("
		" { id = \"nightly\"; kind = \"backup\"; every = \"24h\"; site = \"vault\";"
		"   keep = 2; immutable = true;"
		"   offsite = { id = \"tape\"; every = \"168h\"; delay = \"24h\";"
		"     site = \"bunker\"; keep = 4; }; } ); } );\n" SERVICE
		"threats = ( { kind = \"ransomware\"; name = \"crypto\"; every = \"100h\";"
		" dwell = \"120h\"; reach = [\"room\"]; rebuild = \"5h\"; } );\n",
		"300h", &sc);

	ck_assert_uint_eq(r->services[0].incidents, 1);
	assert_close(test_incident_num(r, 0, COL_T0), 220, 1e-9);
	assert_close(test_incident_num(r, 0, COL_RPO), 220, 1e-9);
	assert_path(r, 0, "restore:db/tape");
	test_played_free(r, sc);
}
END_TEST

/* 6. Synchronous replication: the room is out for 100 h from 50 h; the
 * service fails over automatically to the standby (detection 6 min,
 * activation 6 min) whose data is a synchronous replica: RTO 12 min,
 * RPO 0.  (An asynchronous replica with a 5 min lag would lose 5 min.) */
START_TEST(test_protect_sync_replication_rpo_zero)
{
	static const char *const mode[] = { "mode = \"sync\";",
					    "mode = \"async\"; lag = \"5min\";" };
	static const double rpo[] = { 0, 5 / 60.0 };
	g_autofree char *body = g_strdup_printf(
		SITES("{ id = \"room\"; kind = \"internal\"; country = \"FR\";"
		      " hazards = ( { name = \"flood\"; every = \"50h\";"
		      " effect = \"outage\"; duration = \"100h\"; } ); }, "
		      SITE("dr"))
		DISK("100y", "1h")
		"datasets = ( { id = \"db\"; storage = \"disk\"; size = \"1TB\"; copies = ("
		" { id = \"mirror\"; kind = \"replication\"; site = \"dr\"; %s } ); } );\n"
		"services = ( { id = \"app\"; requires = [\"disk\"]; data = [\"db\"];"
		" plan = { detect = \"6min\"; strategies = ( { kind = \"failover\";"
		" site = \"dr\"; activation = \"6min\"; data = \"mirror\"; } ); }; } );\n",
		mode[_i]);
	MdlScenario *sc;
	MdlResults *r = play(body, "100h", &sc);

	ck_assert_uint_ge(r->services[0].incidents, 1);
	assert_close(test_incident_num(r, 0, COL_RTO), 0.2, 1e-9);
	assert_close(test_incident_num(r, 0, COL_RPO), rpo[_i], 1e-9);
	assert_path(r, 0, "failover:dr");
	test_played_free(r, sc);
}
END_TEST

/* 7. The primary fails on Saturday 22:00 (142 h) for 100 h.  The outage
 * is declared after 1 h, but the crew works mon-fri 08:00-18:00 without
 * on-call: the decision waits for Monday 08:00 (176 h); the manual
 * failover then takes 1 h: RTO 35 h, declared at 176 h.  With a 30 min
 * call-out: declared at 143.5 h, failover after another call-out and 1 h:
 * RTO 3 h. */
START_TEST(test_protect_manual_failover_waits_for_staff)
{
	static const char *const oncall[] = { "", "callout = \"30min\";" };
	static const double rto[] = { 35, 3 }, declared[] = { 176, 143.5 };
	g_autofree char *body = g_strdup_printf(
		SITES(SITE("room") ", " SITE("dr"))
		"crews = ( { id = \"it\"; hours = \"mon-fri 08:00-18:00\"; %s } );\n"
		"components = ( { id = \"server\"; site = \"room\"; failures = ( {"
		" name = \"crash\"; ttf = \"142h\"; repair = \"100h\"; } ); } );\n"
		"services = ( { id = \"app\"; requires = [\"server\"];"
		" plan = { crew = \"it\"; declare_after = \"1h\"; strategies = ("
		" { kind = \"failover\"; mode = \"manual\"; site = \"dr\";"
		" activation = \"1h\"; } ); }; } );\n",
		oncall[_i]);
	MdlScenario *sc;
	MdlResults *r = play(body, "200h", &sc);

	ck_assert_uint_eq(r->services[0].incidents, 1);
	assert_close(test_incident_num(r, 0, COL_T0), 142, 1e-9);
	assert_close(test_incident_num(r, 0, COL_DECLARE), declared[_i], 1e-9);
	assert_close(test_incident_num(r, 0, COL_RTO), rto[_i], 1e-9);
	assert_path(r, 0, "failover:dr");
	test_played_free(r, sc);
}
END_TEST

/* 8. The room burns at 50 h and would take 1000 h to rebuild; the plan
 * rebuilds the server elsewhere in 24 h, then restores the backup of 48 h
 * from the vault: RTO 24 h, RPO 2 h.  Without the rebuild strategy the
 * incident is still open at the horizon (censored). */
START_TEST(test_protect_rebuild_elsewhere)
{
	static const char *const plan[] = {
		"plan = { strategies = ( { kind = \"rebuild\"; duration = \"24h\"; },"
		" { kind = \"restore\"; } ); };",
		"",
	};
	g_autofree char *body = g_strdup_printf(
		SITES("{ id = \"room\"; kind = \"internal\"; country = \"FR\";"
		      " hazards = ( { name = \"fire\"; every = \"50h\"; effect ="
		      " \"destroyed\"; rebuild = \"1000h\"; } ); }, " SITE("vault"))
		DISK("100y", "1h")
		"datasets = ( { id = \"db\"; storage = \"disk\"; size = \"1TB\"; copies = ("
		" { id = \"daily\"; kind = \"backup\"; every = \"24h\"; site = \"vault\"; }"
		" ); } );\n"
		"services = ( { id = \"app\"; requires = [\"disk\"]; data = [\"db\"]; %s } );\n",
		plan[_i]);
	MdlScenario *sc;
	MdlResults *r = play(body, "200h", &sc);

	if (_i == 0) {
		ck_assert_uint_eq(r->services[0].incidents, 1);
		assert_close(test_incident_num(r, 0, COL_RTO), 24, 1e-9);
		assert_close(test_incident_num(r, 0, COL_RPO), 2, 1e-9);
		assert_path(r, 0, "restore:db/daily");
	} else {
		ck_assert_uint_eq(r->services[0].incidents, 0);
		ck_assert_uint_eq(r->services[0].censored, 1);
	}
	test_played_free(r, sc);
}
END_TEST

/* 9. A standby that needs the hospital's WAN link: the room is out from
 * 50 h (for 100 h), the service fails over in 12 min; the WAN link fails
 * at 60 h for 20 h: the standby cannot serve meanwhile.  Incidents:
 * [50, 50.2] and [60, 80], both ended on the standby; the second loses no
 * data (it began on the standby). */
START_TEST(test_protect_standby_needs_wan)
{
	MdlScenario *sc;
	MdlResults *r = play(
		SITES("{ id = \"room\"; kind = \"internal\"; country = \"FR\";"
		      " hazards = ( { name = \"flood\"; every = \"50h\";"
		      " effect = \"outage\"; duration = \"100h\"; } ); }, "
		      SITE("dr") ", " SITE("campus"))
		"components = ( { id = \"server\"; site = \"room\"; failures = ( {"
		" name = \"crash\"; ttf = \"100y\"; repair = \"1h\"; } ); },"
		" { id = \"wan\"; site = \"campus\"; failures = ( {"
		" name = \"cut\"; ttf = \"60h\"; repair = \"20h\"; } ); } );\n"
		"services = ( { id = \"app\"; requires = [\"server\"];"
		" plan = { detect = \"6min\"; strategies = ( { kind = \"failover\";"
		" site = \"dr\"; activation = \"6min\"; requires = [\"wan\"]; } ); }; } );\n",
		"140h", &sc);

	ck_assert_uint_eq(r->services[0].incidents, 2);
	assert_close(test_incident_num(r, 0, COL_RTO), 0.2, 1e-9);
	assert_close(test_incident_num(r, 1, COL_T0), 60, 1e-9);
	assert_close(test_incident_num(r, 1, COL_RTO), 20, 1e-9);
	/* nothing lost: on the standby */
	assert_close(test_incident_num(r, 1, COL_RPO), 0, 0);
	assert_path(r, 1, "failover:dr");
	test_played_free(r, sc);
}
END_TEST

/* 10. Data lost on the primary, an automatic failover (6 min) to a
 * synchronous replica closes the incident at 50.1 h, before anyone
 * declares the manual restore: the restore is asked for all the same when
 * the service goes onto its standby (the storage is repaired at 51 h, the
 * restore is instant), then the planned 1 h failback: [51, 52]. */
START_TEST(test_protect_standby_restores_primary)
{
	MdlScenario *sc;
	MdlResults *r = play(
		SITES(SITE("room") ", " SITE("dr") ", " SITE("vault"))
		DISK("50h", "1h")
		"datasets = ( { id = \"db\"; storage = \"disk\"; size = \"1TB\"; copies = ("
		" { id = \"daily\"; kind = \"backup\"; every = \"24h\"; site = \"vault\"; },"
		" { id = \"mirror\"; kind = \"replication\"; site = \"dr\"; mode = \"sync\"; }"
		" ); } );\n"
		"services = ( { id = \"app\"; requires = [\"disk\"]; data = [\"db\"];"
		" plan = { strategies = ( { kind = \"failover\"; site = \"dr\";"
		" activation = \"6min\"; data = \"mirror\"; },"
		" { kind = \"restore\"; mode = \"manual\"; } ); failback = \"1h\"; }; } );\n",
		"60h", &sc);

	ck_assert_uint_eq(r->services[0].incidents, 2);
	assert_path(r, 0, "failover:dr");
	assert_close(test_incident_num(r, 1, COL_T0), 51, 1e-9);
	assert_close(test_incident_num(r, 1, COL_RTO), 1, 1e-9);
	assert_path(r, 1, "failback");
	test_played_free(r, sc);
}
END_TEST

/* 11. Ransomware reaching only the primary room: the standby's replica is
 * not encrypted, but it is newer than the infection, so under the default
 * clean-point policy it may not serve: the failover fails and the service
 * is restored from the immutable backup older than the infection. */
START_TEST(test_protect_replica_not_clean_after_ransomware)
{
	MdlScenario *sc;
	MdlResults *r = play(
		SITES(SITE("room") ", " SITE("dr") ", " SITE("vault"))
		DISK("100y", "1h")
		"datasets = ( { id = \"db\"; storage = \"disk\"; size = \"1TB\"; copies = ("
		" { id = \"locked\"; kind = \"backup\"; every = \"24h\"; site = \"vault\";"
		"   immutable = true; },"
		" { id = \"mirror\"; kind = \"replication\"; site = \"dr\"; mode = \"sync\"; }"
		" ); } );\n"
		"services = ( { id = \"app\"; requires = [\"disk\"]; data = [\"db\"];"
		" plan = { strategies = ( { kind = \"failover\"; site = \"dr\";"
		" activation = \"6min\"; data = \"mirror\"; },"
		" { kind = \"restore\"; } ); }; } );\n"
		"threats = ( { kind = \"ransomware\"; name = \"crypto\"; every = \"100h\";"
		" dwell = \"10h\"; reach = [\"room\"]; rebuild = \"5h\"; } );\n",
		"150h", &sc);

	ck_assert_uint_eq(r->services[0].incidents, 1);
	assert_path(r, 0, "restore:db/locked");
	assert_close(test_incident_num(r, 0, COL_RPO), 14, 1e-9);
	test_played_free(r, sc);
}
END_TEST

/* 12. The case, the destination burning: a nightly backup at
 * 22:00 lasting 4 h to the vault, which burns on Wednesday 01:00 (49 h,
 * rebuilt at 54 h) while Tuesday's job (46 h) is being written; the fire
 * also takes Monday's (22 h).  A second backup in room2 runs every 40 h
 * (0 h, 40 h).  Corruption at 55 h: Tuesday's job ended at 50 h, after
 * the fire, but was lost in flight; the vault has nothing left, and the
 * restore uses room2's 40 h: RPO 15 h (9 h had the job survived). */
START_TEST(test_protect_backup_lost_with_its_destination)
{
	MdlScenario *sc;
	MdlResults *r = play(
		SITES(SITE("room") ", "
		      "{ id = \"vault\"; kind = \"internal\"; country = \"FR\";"
		      " hazards = ( { name = \"fire\"; every = \"49h\"; effect ="
		      " \"destroyed\"; rebuild = \"5h\"; } ); }, " SITE("room2"))
		DISK("55h", "0h")
		"datasets = ( { id = \"db\"; storage = \"disk\"; size = \"1TB\"; copies = ("
		" { id = \"nightly\"; kind = \"backup\"; daily = \"22:00\";"
		"   duration = \"4h\"; site = \"vault\"; },"
		" { id = \"second\"; kind = \"backup\"; every = \"40h\"; site = \"room2\"; }"
		" ); } );\n" SERVICE,
		"60h", &sc);

	ck_assert_uint_eq(r->services[0].incidents, 1);
	assert_close(test_incident_num(r, 0, COL_T0), 55, 1e-9);
	assert_close(test_incident_num(r, 0, COL_RPO), 15, 1e-9);
	assert_path(r, 0, "restore:db/second");
	test_played_free(r, sc);
}
END_TEST

/* 13. The case, the source burning: the room holding the disk
 * burns at 49 h (rebuilt in 5 h) while Tuesday's nightly (46 h, 4 h) reads
 * it into the vault: that job is lost, and the restore after the rebuild
 * (54 h, instant) uses Monday's (22 h): RPO 27 h (3 h had it survived).
 * Control: the room burns at 51 h, after the job ended at 50 h: it serves
 * as before, RPO 5 h.  RTO the rebuild, 5 h, either way. */
START_TEST(test_protect_backup_lost_with_its_source)
{
	static const char *const fire[] = { "49h", "51h" };
	static const double t0[] = { 49, 51 }, rpo[] = { 27, 5 };
	g_autofree char *body = g_strdup_printf(
		SITES("{ id = \"room\"; kind = \"internal\"; country = \"FR\";"
		      " hazards = ( { name = \"fire\"; every = \"%s\"; effect ="
		      " \"destroyed\"; rebuild = \"5h\"; } ); }, " SITE("vault"))
		DISK("100y", "1h")
		"datasets = ( { id = \"db\"; storage = \"disk\"; size = \"1TB\"; copies = ("
		" { id = \"nightly\"; kind = \"backup\"; daily = \"22:00\";"
		"   duration = \"4h\"; site = \"vault\"; } ); } );\n" SERVICE,
		fire[_i]);
	MdlScenario *sc;
	MdlResults *r = play(body, "70h", &sc);

	ck_assert_uint_eq(r->services[0].incidents, 1);
	assert_close(test_incident_num(r, 0, COL_T0), t0[_i], 1e-9);
	assert_close(test_incident_num(r, 0, COL_RTO), 5, 1e-9);
	assert_close(test_incident_num(r, 0, COL_RPO), rpo[_i], 1e-9);
	assert_path(r, 0, "restore:db/nightly");
	test_played_free(r, sc);
}
END_TEST

/* 14. An offsite copy in transit: instant nightlies every 24 h in the
 * room (which holds the disk too), a tape every 24 h from 6 h to the
 * bunker, 24 h on the way: the tape of 6 h holds the nightly of 0 h
 * (arrives 30 h), that of 30 h the nightly of 24 h (arrives 54 h).  The
 * bunker is out [40, 42], during the second transfer: that tape is lost.
 * The room burns at 60 h (rebuilt in 5 h), taking the nightlies: the
 * restore uses the tape of 6 h, RPO 60 h.  Control: the bunker out
 * [55, 57], after the tape of 30 h arrived: RPO 36 h. */
START_TEST(test_protect_offsite_lost_in_transit)
{
	static const char *const outage[] = { "40h", "55h" };
	static const double rpo[] = { 60, 36 };
	g_autofree char *body = g_strdup_printf(
		SITES("{ id = \"room\"; kind = \"internal\"; country = \"FR\";"
		      " hazards = ( { name = \"fire\"; every = \"60h\"; effect ="
		      " \"destroyed\"; rebuild = \"5h\"; } ); }, "
		      "{ id = \"bunker\"; kind = \"internal\"; country = \"FR\";"
		      " hazards = ( { name = \"power\"; every = \"%s\";"
		      " effect = \"outage\"; duration = \"2h\"; } ); }")
		DISK("100y", "1h")
		"datasets = ( { id = \"db\"; storage = \"disk\"; size = \"1TB\"; copies = ("
		" { id = \"nightly\"; kind = \"backup\"; every = \"24h\"; site = \"room\";"
		"   offsite = { id = \"tape\"; every = \"24h\"; at = \"6h\";"
		"     delay = \"24h\"; site = \"bunker\"; }; } ); } );\n" SERVICE,
		outage[_i]);
	MdlScenario *sc;
	MdlResults *r = play(body, "70h", &sc);

	ck_assert_uint_eq(r->services[0].incidents, 1);
	assert_close(test_incident_num(r, 0, COL_T0), 60, 1e-9);
	assert_close(test_incident_num(r, 0, COL_RPO), rpo[_i], 1e-9);
	assert_path(r, 0, "restore:db/tape");
	test_played_free(r, sc);
}
END_TEST

/* 15. A dataset of 1 TB growing linearly by 1 GB an hour (8.76 TB a
 * year), restored at 1 TB/h from a backup every 24 h in the vault.
 * Corruption at 1000 h, instant repair: the restore starts at 1000 h,
 * when the dataset holds 1 TB + 1000 GB = 2 TB: RTO 2 h (1 h without
 * growth), RPO 1000 − 984 = 16 h. */
START_TEST(test_protect_linear_growth_restore)
{
	static const char *const growth[] = { "1GB/h", "0%" };
	static const double rto[] = { 2, 1 };
	MdlScenario *sc;
	g_autofree char *body = g_strdup_printf(
		SITES(SITE("room") ", " SITE("vault")) DISK("1000h", "0h")
		"datasets = ( { id = \"db\"; storage = \"disk\"; size = \"1TB\";"
		" growth = \"%s\"; copies = ( { id = \"daily\"; kind = \"backup\";"
		" every = \"24h\"; site = \"vault\";"
		" restore = { throughput = \"1TB/h\"; }; } ); } );\n" SERVICE,
		growth[_i]);
	MdlResults *r = play(body, "1010h", &sc);

	assert_close(sc->datasets[0].growth_bytes_per_h, _i ? 0 : 1e9, 0);
	assert_close(mdl_dataset_size(&sc->datasets[0], 1000), _i ? 1e12 : 2e12,
		     1e-3);
	ck_assert_uint_eq(r->services[0].incidents, 1);
	assert_close(test_incident_num(r, 0, COL_RTO), rto[_i], 1e-9);
	assert_close(test_incident_num(r, 0, COL_RPO), 16, 1e-9);
	test_played_free(r, sc);
}
END_TEST

Suite *protect_suite(void)
{
	Suite *s = suite_create("protect");
	TCase *tc = tcase_create("semantics");

	tcase_add_test(tc, test_protect_backup_skipped_while_source_down);
	tcase_add_test(tc, test_protect_failed_restore_falls_back);
	tcase_add_loop_test(tc, test_protect_copy_lost_with_its_site, 0, 2);
	tcase_add_loop_test(tc, test_protect_ransomware_spares_immutable, 0, 2);
	tcase_add_test(tc, test_protect_retention_shorter_than_dwell);
	tcase_add_loop_test(tc, test_protect_sync_replication_rpo_zero, 0, 2);
	tcase_add_loop_test(tc, test_protect_manual_failover_waits_for_staff, 0, 2);
	tcase_add_loop_test(tc, test_protect_rebuild_elsewhere, 0, 2);
	tcase_add_test(tc, test_protect_standby_needs_wan);
	tcase_add_test(tc, test_protect_standby_restores_primary);
	tcase_add_test(tc, test_protect_replica_not_clean_after_ransomware);
	tcase_add_test(tc, test_protect_backup_lost_with_its_destination);
	tcase_add_loop_test(tc, test_protect_backup_lost_with_its_source, 0, 2);
	tcase_add_loop_test(tc, test_protect_offsite_lost_in_transit, 0, 2);
	tcase_add_loop_test(tc, test_protect_linear_growth_restore, 0, 2);
	suite_add_tcase(s, tc);
	return s;
}
