/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The packed roster: any insertion order gives the same sorted teams, months and members, and
 * the composition rules of DOMAIN.md §3 read from it. */
#include "config.h"

#include <locale.h>
#include <coordena/coordena.h>
#include <coordena/roster.h>

#include "large-alloc.h"

#define MED COORDENA_CATEGORY_MED
#define ENF COORDENA_CATEGORY_ENF
#define TEC COORDENA_CATEGORY_TEC
#define ACS COORDENA_CATEGORY_ACS
#define BIT COORDENA_CATEGORY_BIT

static void
test_order_and_slices (void)
{
  g_autoptr(GError) error = NULL;
  CoordenaRosterBuilder *b = coordena_roster_builder_new ();
  guint t2 = coordena_roster_builder_add_team (b, "0000000200", "2000001", "5208707", "Equipe B");
  guint t1 = coordena_roster_builder_add_team (b, "0000000100", NULL, NULL, NULL);
  guint p1 = coordena_roster_builder_add_professional (b, "898000000043208", "Ana");
  guint p2 = coordena_roster_builder_add_professional (b, "144082627260004", NULL);
  g_autoptr(CoordenaRoster) r = NULL;
  const CoordenaRosterTeam *team;
  const CoordenaRosterMonth *months;
  const CoordenaRosterMember *members;
  guint n;

  g_assert_cmpuint (coordena_roster_builder_add_team (b, "0000000100", "1000001", "5208707", "Equipe A"), ==, t1);
  g_assert_cmpuint (coordena_roster_builder_add_professional (b, "898000000043208", "Outra"), ==, p1);
  coordena_roster_builder_add_member (b, t2, 202502, p1, "225142", MED, 40);
  coordena_roster_builder_add_team_month (b, t2, 202502, COORDENA_TEAM_TYPE_ESF, 0, COORDENA_BASE_UNKNOWN);
  coordena_roster_builder_add_team_month (b, t2, 202501, COORDENA_TEAM_TYPE_ESF, COORDENA_TEAM_FLAG_PROVIMENTO, 1683333);
  coordena_roster_builder_add_member (b, t2, 202501, p2, "515105", ACS, 40);
  coordena_roster_builder_add_member (b, t2, 202501, p1, "225142", MED, 20);
  coordena_roster_builder_add_team_month (b, t2, 202501, COORDENA_TEAM_TYPE_ESF, 0, COORDENA_BASE_UNKNOWN);
  coordena_roster_builder_add_member (b, t1, 202501, p1, "225142", MED, 20);
  /* A member without a declared team-month declares a team that is not evaluated. */
  coordena_roster_builder_add_member (b, t1, 202412, p2, "999999", COORDENA_CATEGORY_NONE, 10);
  coordena_roster_builder_add_team_month (b, t1, 202501, COORDENA_TEAM_TYPE_EAP20, 0, COORDENA_BASE_UNKNOWN);
  coordena_roster_builder_set_ied_stratum (b, "5208707", 2);

  r = coordena_roster_builder_finish (b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (coordena_roster_get_n_teams (r), ==, 2);
  g_assert_cmpuint (coordena_roster_get_n_professionals (r), ==, 2);
  g_assert_cmpuint (coordena_roster_get_first_competencia (r), ==, 202412);
  g_assert_cmpuint (coordena_roster_get_last_competencia (r), ==, 202502);

  team = coordena_roster_get_team (r, 0);
  g_assert_cmpstr (team->ine, ==, "0000000100");
  g_assert_cmpstr (team->cnes, ==, "1000001");
  g_assert_cmpstr (team->name, ==, "Equipe A");
  g_assert_cmpuint (team->ied_stratum, ==, 2);
  months = coordena_roster_team_months (r, team, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (months[0].competencia, ==, 202412);
  g_assert_cmpuint (months[0].type, ==, COORDENA_TEAM_TYPE_OTHER);
  g_assert_cmpuint (months[1].competencia, ==, 202501);
  g_assert_cmpuint (months[1].type, ==, COORDENA_TEAM_TYPE_EAP20);

  team = coordena_roster_find_team (r, "0000000200");
  g_assert_nonnull (team);
  g_assert_null (coordena_roster_find_team (r, "0000000300"));
  months = coordena_roster_team_months (r, team, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (months[0].competencia, ==, 202501);
  g_assert_cmpuint (months[0].flags, ==, COORDENA_TEAM_FLAG_PROVIMENTO);
  g_assert_cmpint (months[0].base_centavos, ==, 1683333);
  g_assert_cmpint (months[1].base_centavos, ==, COORDENA_BASE_UNKNOWN);
  members = coordena_roster_month_members (r, &months[0], &n);
  g_assert_cmpuint (n, ==, 2);
  /* Insertion order is kept within a team-month. */
  g_assert_cmpstr (members[0].cbo, ==, "515105");
  g_assert_cmpstr (coordena_roster_member_professional (r, &members[1])->name, ==, "Ana");
  /* Ana works 20 h in each team in 01/2025: 40 h in all. */
  g_assert_cmpuint (members[1].hours, ==, 20);
  g_assert_cmpuint (members[1].total_hours, ==, 40);
}

/* A roster of one eSF or eAP month with the given members; extra_hours puts member 0 in a second
 * team of the same competência for that many hours. */
static CoordenaCategorySet
absent_of (CoordenaTeamType type, guint max_total, guint extra_hours, guint n, const int *cats, const guint *hours)
{
  CoordenaRosterBuilder *b = coordena_roster_builder_new ();
  guint t = coordena_roster_builder_add_team (b, "0000000001", NULL, NULL, NULL);
  g_autoptr(CoordenaRoster) r = NULL;
  const CoordenaRosterMonth *months;

  coordena_roster_builder_add_team_month (b, t, 202501, type, 0, COORDENA_BASE_UNKNOWN);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *cns = g_strdup_printf ("7000000000000%02u", i);
      guint p = coordena_roster_builder_add_professional (b, cns, NULL);
      coordena_roster_builder_add_member (b, t, 202501, p, "000000", (CoordenaCategory) cats[i], hours[i]);
      if (i == 0 && extra_hours > 0)
        {
          guint t2 = coordena_roster_builder_add_team (b, "0000000002", NULL, NULL, NULL);
          coordena_roster_builder_add_team_month (b, t2, 202501, COORDENA_TEAM_TYPE_OTHER, 0, COORDENA_BASE_UNKNOWN);
          coordena_roster_builder_add_member (b, t2, 202501, p, "000000", (CoordenaCategory) cats[i], extra_hours);
        }
    }
  r = coordena_roster_builder_finish (b, NULL);
  months = coordena_roster_team_months (r, coordena_roster_find_team (r, "0000000001"), NULL);
  return coordena_roster_month_absent (r, &months[0], max_total);
}

static void
test_esf_workload (void)
{
  int cats[] = { MED, ENF, TEC, ACS };
  guint full[] = { 40, 40, 40, 40 };
  guint short_med[] = { 39, 40, 40, 40 };

  g_assert_cmpuint (absent_of (COORDENA_TEAM_TYPE_ESF, 60, 0, 4, cats, full), ==, 0);
  g_assert_cmpuint (absent_of (COORDENA_TEAM_TYPE_ESF, 60, 0, 4, cats, short_med), ==, BIT (MED));
  /* 40 h here and 20 h elsewhere: 60 h is allowed. 40 + 30 = 70 h is over, absent here too. */
  g_assert_cmpuint (absent_of (COORDENA_TEAM_TYPE_ESF, 60, 20, 4, cats, full), ==, 0);
  g_assert_cmpuint (absent_of (COORDENA_TEAM_TYPE_ESF, 60, 30, 4, cats, full), ==, BIT (MED));
  g_assert_cmpuint (absent_of (COORDENA_TEAM_TYPE_ESF, 70, 30, 4, cats, full), ==, 0);
  /* A team listed with nobody lacks every category. */
  g_assert_cmpuint (absent_of (COORDENA_TEAM_TYPE_ESF, 60, 0, 0, cats, full), ==, COORDENA_CATEGORIES_ALL);
  /* Other team types are not evaluated. */
  g_assert_cmpuint (absent_of (COORDENA_TEAM_TYPE_OTHER, 60, 0, 0, cats, full), ==, 0);
}

/* NT 753/2021 item 2.20 b: an eAP category is present when ONE member has the modality's weekly
 * hours in the team; two people of 10 h do not make a 20 h médico. */
static void
test_eap_workload (void)
{
  int split[] = { MED, MED, ENF };
  guint ten_ten[] = { 10, 10, 20 };
  guint fifteen[] = { 15, 15, 30 };
  guint one_twenty[] = { 20, 5, 20 };
  guint one_thirty[] = { 30, 10, 30 };
  int cats2[] = { MED, ENF };
  guint twenty[] = { 20, 19 };
  guint twenty_nine[] = { 29, 30 };

  g_assert_cmpuint (absent_of (COORDENA_TEAM_TYPE_EAP20, 60, 0, 3, split, ten_ten), ==, BIT (MED));
  g_assert_cmpuint (absent_of (COORDENA_TEAM_TYPE_EAP30, 60, 0, 3, split, fifteen), ==, BIT (MED));
  g_assert_cmpuint (absent_of (COORDENA_TEAM_TYPE_EAP20, 60, 0, 3, split, one_twenty), ==, 0);
  g_assert_cmpuint (absent_of (COORDENA_TEAM_TYPE_EAP30, 60, 0, 3, split, one_twenty), ==, BIT (MED) | BIT (ENF));
  g_assert_cmpuint (absent_of (COORDENA_TEAM_TYPE_EAP30, 60, 0, 3, split, one_thirty), ==, 0);
  g_assert_cmpuint (absent_of (COORDENA_TEAM_TYPE_EAP20, 60, 0, 2, cats2, twenty), ==, BIT (ENF));
  g_assert_cmpuint (absent_of (COORDENA_TEAM_TYPE_EAP30, 60, 0, 2, cats2, twenty_nine), ==, BIT (MED));
}

/* The thresholds are the rule set's parameters: a set asking 30 h of an eAP 20 h makes its 20 h
 * médico absent; a set allowing 70 h keeps a 40 + 30 h professional. */
static void
test_presence_rule_parameters (void)
{
  CoordenaRosterBuilder *b = coordena_roster_builder_new ();
  guint t = coordena_roster_builder_add_team (b, "0000000001", NULL, NULL, NULL);
  guint p1 = coordena_roster_builder_add_professional (b, "700000000000001", NULL);
  guint p2 = coordena_roster_builder_add_professional (b, "700000000000002", NULL);
  g_autoptr(CoordenaRoster) r = NULL;
  const CoordenaRosterMonth *months;
  CoordenaPresenceRule rule = COORDENA_PRESENCE_RULE_INIT;

  coordena_roster_builder_add_team_month (b, t, 202501, COORDENA_TEAM_TYPE_EAP20, 0, COORDENA_BASE_UNKNOWN);
  coordena_roster_builder_add_member (b, t, 202501, p1, "000000", (CoordenaCategory) MED, 20);
  coordena_roster_builder_add_member (b, t, 202501, p2, "000000", (CoordenaCategory) ENF, 30);
  r = coordena_roster_builder_finish (b, NULL);
  months = coordena_roster_team_months (r, coordena_roster_find_team (r, "0000000001"), NULL);

  g_assert_cmpuint (coordena_roster_month_absent_rule (r, &months[0], &rule), ==, 0);
  rule.eap20_min_hours = 30;
  g_assert_cmpuint (coordena_roster_month_absent_rule (r, &months[0], &rule), ==, BIT (MED));
  g_assert_cmpuint (coordena_roster_absent_masks_rule (r, &rule)[0], ==, BIT (MED));
  rule.eap20_min_hours = 20;
  g_assert_cmpuint (coordena_roster_absent_masks_rule (r, &rule)[0], ==, 0);
}

static void
test_two_types_refused (void)
{
  g_autoptr(GError) error = NULL;
  CoordenaRosterBuilder *b = coordena_roster_builder_new ();
  guint t = coordena_roster_builder_add_team (b, "0000000001", NULL, NULL, "Equipe");
  CoordenaRoster *r;

  coordena_roster_builder_add_team_month (b, t, 202501, COORDENA_TEAM_TYPE_ESF, 0, COORDENA_BASE_UNKNOWN);
  coordena_roster_builder_add_team_month (b, t, 202501, COORDENA_TEAM_TYPE_EAP30, 0, COORDENA_BASE_UNKNOWN);
  r = coordena_roster_builder_finish (b, &error);
  g_assert_null (r);
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_assert_cmpstr (error->message, ==, "A equipe 0000000001 tem dois tipos na competência 01/2025: eSF e eAP30");
}

static void
test_two_strata_refused (void)
{
  g_autoptr(GError) error = NULL;
  CoordenaRosterBuilder *b = coordena_roster_builder_new ();

  coordena_roster_builder_set_ied_stratum (b, "5208707", 1);
  coordena_roster_builder_set_ied_stratum (b, "5208707", 3);
  g_assert_null (coordena_roster_builder_finish (b, &error));
  g_assert_error (error, COORDENA_ERROR, COORDENA_ERROR_INPUT);
  g_assert_cmpstr (error->message, ==, "O município 5208707 recebeu dois estratos IED diferentes");
}

static void
test_codes_are_interned (void)
{
  CoordenaRosterBuilder *b = coordena_roster_builder_new ();
  g_autoptr(CoordenaRoster) r = NULL;
  guint first[5000];

  /* Enough professionals to grow the tables several times; each CNS keeps its index. */
  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *cns = g_strdup_printf ("7%014u", i * 7919u);
      first[i] = coordena_roster_builder_add_professional (b, cns, NULL);
      g_assert_cmpuint (first[i], ==, i);
    }
  for (guint i = 0; i < 5000; i += 7)
    {
      g_autofree char *cns = g_strdup_printf ("7%014u", i * 7919u);
      g_assert_cmpuint (coordena_roster_builder_add_professional (b, cns, NULL), ==, first[i]);
    }
  /* Leading zeros make different codes; codes with letters still work. */
  g_assert_cmpuint (coordena_roster_builder_add_team (b, "0000000123", NULL, NULL, NULL), ==, 0);
  g_assert_cmpuint (coordena_roster_builder_add_team (b, "123", NULL, NULL, NULL), ==, 1);
  g_assert_cmpuint (coordena_roster_builder_add_team (b, "EQ-1", NULL, NULL, NULL), ==, 2);
  g_assert_cmpuint (coordena_roster_builder_add_team (b, "123", NULL, NULL, NULL), ==, 1);
  g_assert_cmpuint (coordena_roster_builder_add_team (b, "EQ-1", NULL, NULL, NULL), ==, 2);
  r = coordena_roster_builder_finish (b, NULL);
  g_assert_cmpuint (coordena_roster_get_n_professionals (r), ==, 5000);
  g_assert_cmpuint (coordena_roster_get_n_teams (r), ==, 3);
  g_assert_nonnull (coordena_roster_find_team (r, "EQ-1"));
}

static void
test_empty_roster (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoordenaRoster) r = coordena_roster_builder_finish (coordena_roster_builder_new (), &error);
  guint n = 1;

  g_assert_no_error (error);
  g_assert_cmpuint (coordena_roster_get_n_teams (r), ==, 0);
  coordena_roster_get_months (r, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (coordena_roster_get_first_competencia (r), ==, 0);
  g_assert_nonnull (coordena_roster_absent_masks (r, 60));
  g_assert_null (coordena_roster_find_team (r, "0000000001"));
}

static void
test_category_names (void)
{
  g_autofree char *all = coordena_category_set_to_string (COORDENA_CATEGORIES_ALL);
  g_autofree char *two = coordena_category_set_to_string (BIT (ACS) | BIT (MED));
  g_autofree char *none = coordena_category_set_to_string (0);

  g_assert_cmpstr (all, ==, "MED+ENF+TEC+ACS");
  g_assert_cmpstr (two, ==, "MED+ACS");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpint (coordena_category_from_string ("tec"), ==, TEC);
  g_assert_cmpint (coordena_category_from_string ("AUX"), ==, COORDENA_CATEGORY_NONE);
  g_assert_cmpstr (coordena_team_type_to_string (COORDENA_TEAM_TYPE_EAP30), ==, "eAP30");
}

/* The arrays a large roster is built in grow past the size where they move to huge pages; what
 * was in them stays, in order. */
static void
test_large_array (void)
{
  LargeArray a;

  large_array_init (&a, sizeof (guint64));
  for (guint64 i = 0; i < 300000; i++)
    *(guint64 *) large_array_push (&a) = i * 3;
  {
    guint64 tail[1000];

    for (guint i = 0; i < G_N_ELEMENTS (tail); i++)
      tail[i] = 7;
    large_array_append (&a, tail, G_N_ELEMENTS (tail));
  }
  g_assert_cmpuint (a.len, ==, 301000);
  g_assert_cmpuint (a.cap, >=, a.len);
  for (guint64 i = 0; i < 300000; i++)
    g_assert_cmpuint (LARGE_INDEX (a, guint64, i), ==, i * 3);
  for (guint64 i = 300000; i < a.len; i++)
    g_assert_cmpuint (LARGE_INDEX (a, guint64, i), ==, 7);
  large_array_clear (&a);
  g_assert_null (a.data);
}

/* A roster of 150 000 member rows, given team by team from the last INE to the first with too
 * little room reserved: sorted, grouped and summed as a small one is. The competências are four
 * consecutive ones (hours summed in a table), or centuries apart (summed by sorting), or given
 * from the last to the first. */
static const CoordenaCompetencia large_consecutive[4] = { 202501, 202502, 202503, 202504 };
static const CoordenaCompetencia large_far_apart[4] = { 190001, 202501, 209912, 250012 };
static const CoordenaCompetencia large_backwards[4] = { 202504, 202503, 202502, 202501 };

static void
test_large_roster (gconstpointer data)
{
  const CoordenaCompetencia *comps = data;
  const guint n_teams = 4000, n_comps = 4, n_members = 9;
  g_autoptr(GError) error = NULL;
  CoordenaRosterBuilder *b = coordena_roster_builder_new ();
  g_autoptr(CoordenaRoster) r = NULL;
  const CoordenaRosterTeam *teams;
  const CoordenaRosterProfessional *profs;

  coordena_roster_builder_reserve (b, 1000);
  for (guint t = n_teams; t-- > 0;)
    {
      char ine[11];
      guint team;

      g_snprintf (ine, sizeof ine, "%010u", 1000 + t);
      team = coordena_roster_builder_add_team (b, ine, "1234567", "4314902", NULL);
      for (guint c = 0; c < n_comps; c++)
        {
          coordena_roster_builder_add_team_month (b, team, comps[c], COORDENA_TEAM_TYPE_ESF, 0, 1683333);
          for (guint m = 0; m < n_members; m++)
            {
              char cns[16];
              /* The last member of each team also works in the team before it. */
              guint who = m == n_members - 1 ? (t + 1) % n_teams * n_members : t * n_members + m;
              guint p;

              g_snprintf (cns, sizeof cns, "7%014u", who);
              p = coordena_roster_builder_add_professional (b, cns, NULL);
              coordena_roster_builder_add_member (b, team, comps[c], p, m == 0 ? "225142" : "515105",
                                                  m == 0 ? MED : ACS, m == n_members - 1 ? 10 : 40);
            }
        }
    }
  r = coordena_roster_builder_finish (b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (coordena_roster_get_n_teams (r), ==, n_teams);
  teams = coordena_roster_get_teams (r);
  profs = coordena_roster_get_professionals (r);
  for (guint t = 0; t < n_teams; t++)
    {
      char ine[11];
      guint n_months;
      const CoordenaRosterMonth *months = coordena_roster_team_months (r, &teams[t], &n_months);

      g_snprintf (ine, sizeof ine, "%010u", 1000 + t);
      g_assert_cmpstr (teams[t].ine, ==, ine);
      g_assert_cmpuint (n_months, ==, n_comps);
      for (guint c = 0; c < n_comps; c++)
        {
          guint n;
          const CoordenaRosterMember *members = coordena_roster_month_members (r, &months[c], &n);

          /* In order of competência, whatever the order given. */
          g_assert_cmpuint (months[c].competencia, ==, comps == large_backwards ? comps[n_comps - 1 - c] : comps[c]);
          g_assert_cmpint (months[c].base_centavos, ==, 1683333);
          g_assert_cmpuint (n, ==, n_members);
          for (guint m = 0; m < n; m++)
            {
              char cns[16];
              guint who = m == n_members - 1 ? (t + 1) % n_teams * n_members : t * n_members + m;

              g_snprintf (cns, sizeof cns, "7%014u", who);
              g_assert_cmpstr (profs[members[m].professional].cns, ==, cns);
              /* Member 0 of a team is also the last member of the team before: 40 + 10 hours. */
              g_assert_cmpuint (members[m].total_hours, ==, m == 0 || m == n_members - 1 ? 50 : 40);
            }
        }
    }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  coordena_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/roster/order-and-slices", test_order_and_slices);
  g_test_add_func ("/roster/esf-workload", test_esf_workload);
  g_test_add_func ("/roster/eap-workload", test_eap_workload);
  g_test_add_func ("/roster/presence-rule-parameters", test_presence_rule_parameters);
  g_test_add_func ("/roster/two-types-refused", test_two_types_refused);
  g_test_add_func ("/roster/two-strata-refused", test_two_strata_refused);
  g_test_add_func ("/roster/codes-are-interned", test_codes_are_interned);
  g_test_add_func ("/roster/empty", test_empty_roster);
  g_test_add_func ("/roster/category-names", test_category_names);
  g_test_add_func ("/roster/large-array", test_large_array);
  g_test_add_data_func ("/roster/large", large_consecutive, test_large_roster);
  g_test_add_data_func ("/roster/large-far-apart", large_far_apart, test_large_roster);
  g_test_add_data_func ("/roster/large-backwards", large_backwards, test_large_roster);
  return g_test_run ();
}
