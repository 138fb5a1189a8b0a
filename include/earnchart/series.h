/* earnchart: the observation store.
 *
 * One observation is one number that a document states about one period (a
 * row of the series CSV, see docs/SCHEMA.md).  A store holds observations
 * unique by key: (company, period, metric, segment, basis, kind) and, for
 * guidance, the date it was issued (a company re-guides the same period).
 * Adding a row whose key is present keeps one row when the values agree
 * within the unit's tolerance and records a conflict when they do not:
 * nothing is silently dropped or averaged. */
#ifndef EARNCHART_SERIES_H
#define EARNCHART_SERIES_H

#include <stdbool.h>
#include <stddef.h>

#include "earnchart/error.h"
#include "earnchart/period.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum ec_basis { EC_BASIS_GAAP = 0, EC_BASIS_NON_GAAP = 1, EC_BASIS_NONE = 2 } ec_basis;
typedef enum ec_kind { EC_KIND_ACTUAL = 0, EC_KIND_GUIDANCE = 1 } ec_kind;
typedef enum ec_unit {
	EC_UNIT_USD_M = 0, /* millions of US dollars */
	EC_UNIT_USD = 1,   /* dollars per share */
	EC_UNIT_PCT = 2,   /* percent: 24.1 means 24.1 % */
	EC_UNIT_DAYS = 3,
	EC_UNIT_COUNT = 4
} ec_unit;

/* Names as they appear in the CSV ("gaap", "non_gaap", "none"; "actual",
 * "guidance"; "usd_m", "usd", "pct", "days", "count").  _parse returns false
 * for an unknown name. */
const char *ec_basis_name(ec_basis b);
const char *ec_kind_name(ec_kind k);
const char *ec_unit_name(ec_unit u);
bool ec_basis_parse(const char *s, ec_basis *out);
bool ec_kind_parse(const char *s, ec_kind *out);
bool ec_unit_parse(const char *s, ec_unit *out);

/* True when a and b are equal within the tolerance of unit: usd_m 0.5 %
 * relative, usd 0.005, pct 0.05 points, days and count 0.5.  Two NaNs
 * (empty values) agree; a NaN and a number do not. */
bool ec_values_agree(ec_unit unit, double a, double b);

/* Source roles.  "" is the company itself. */
#define EC_ROLE_COMPANY ""
#define EC_ROLE_ANALYST "analyst"
#define EC_ROLE_DERIVED "derived"

/* One observation.  When passed in, every pointer is borrowed and may be
 * NULL (read as ""); the store copies what it keeps.  When read out of a
 * store, pointers are owned by the store and valid until it is freed or
 * changed.  Empty numbers are NAN. */
typedef struct ec_obs {
	const char *company; /* ticker or short name, may be "" */
	const char *doc;     /* file name without folder */
	ec_period period;
	const char *metric;  /* "revenue", "operating_margin", ... */
	const char *segment; /* "total" when NULL or "" */
	ec_basis basis;
	ec_kind kind;
	double value; /* guidance: the midpoint when both bounds exist */
	double low, high;
	ec_unit unit;
	const char *issued;      /* "YYYY-MM-DD" or "" */
	long line;               /* 1-based line of the quote in doc, 0 unknown */
	const char *quote;       /* evidence, white space collapsed */
	const char *source_role; /* EC_ROLE_* */
	/* The text of each column of the store's layout as read from a CSV,
	 * or NULL for rows built in memory.  Used to write a file back byte
	 * for byte and to keep unknown columns.  quoted[i] is 1 where cell i
	 * was quoted in the input (may be NULL). */
	size_t n_cells;
	const char *const *cells;
	const unsigned char *quoted;
} ec_obs;

/* An ec_obs with every number NAN, segment "total", basis none, kind
 * actual, unit usd_m and every string NULL. */
ec_obs ec_obs_init(void);

/* The identity of an observation.  issued matters only for guidance; NULL
 * there means "any issue date" when looking up. */
typedef struct ec_key {
	const char *company;
	ec_period period;
	const char *metric;
	const char *segment;
	ec_basis basis;
	ec_kind kind;
	const char *issued;
} ec_key;

ec_key ec_obs_key(const ec_obs *o);

typedef struct ec_series ec_series;

/* A new empty store whose layout is the standard columns.  NULL when out of
 * memory.  Free with ec_series_free; ec_series_free(NULL) is a no-op. */
ec_series *ec_series_new(void);
void ec_series_free(ec_series *s);

/* Column layout: the names of the CSV columns, in order.  A new store has
 * the standard layout (ec_series_standard_columns).  set_layout is allowed
 * only on an empty store; names are copied. */
ec_err ec_series_set_layout(ec_series *s, const char *const *names, size_t n,
                            ec_error *err);
size_t ec_series_layout_count(const ec_series *s);
const char *ec_series_layout_name(const ec_series *s, size_t i);
/* The standard columns in SCHEMA order; *n receives their count. */
const char *const *ec_series_standard_columns(size_t *n);

/* Adds a copy of o.  If o->cells is not NULL, o->n_cells must equal the
 * layout count and the cells are copied as well.
 * - new key: appended; returns EC_OK.
 * - same key, values agree: one row is kept (the more precise value; the
 *   row keeps its place); returns EC_OK and counts a duplicate.
 * - same key, values disagree: the stored row stays, o is recorded as a
 *   conflict (ec_series_conflict), err says which key; returns
 *   EC_ECONFLICT.  The store is still valid: this is a report, not a
 *   failure.
 * - EC_ENOMEM / EC_EINVAL (a required field such as metric is empty): the
 *   store is unchanged. */
ec_err ec_series_add(ec_series *s, const ec_obs *o, ec_error *err);

/* When on, doc is part of the key: the same fact stated in two documents
 * stays two rows (what `extract` writes: evidence per document), and only
 * mentions within one document are merged or reported as conflicts.  Off
 * by default.  Allowed only on an empty store (EC_EINVAL otherwise). */
ec_err ec_series_set_doc_keyed(ec_series *s, bool on);

size_t ec_series_count(const ec_series *s);
/* Row i in insertion order; NULL when i is out of range. */
const ec_obs *ec_series_get(const ec_series *s, size_t i);
/* Rows that agreed with a row already present. */
size_t ec_series_duplicate_count(const ec_series *s);

/* Conflicts: the rejected row and the row it disagreed with. */
size_t ec_series_conflict_count(const ec_series *s);
const ec_obs *ec_series_conflict(const ec_series *s, size_t i,
                                 const ec_obs **kept);

/* The row with this key, or NULL.  With key->issued NULL a guidance lookup
 * returns the latest issued (the last one added when dates are equal). */
const ec_obs *ec_series_find(const ec_series *s, const ec_key *key);

/* Selection: NULL strings and negative enums match anything. */
typedef struct ec_select {
	const char *company;
	const char *metric;
	const char *segment;
	int basis; /* ec_basis or -1 */
	int kind;  /* ec_kind or -1 */
} ec_select;

/* An ec_select that matches every row. */
ec_select ec_select_all(void);

/* Pointers to the matching rows ordered by period, then company, metric,
 * segment, basis, kind and issued.  *out is allocated (free() it) and holds
 * *n pointers into s; *out is NULL when nothing matches. */
ec_err ec_series_select(const ec_series *s, const ec_select *sel,
                        const ec_obs ***out, size_t *n);

/* Adds every row of src to dst (ec_series_add rules), extending dst's
 * layout by src's extra columns.  Conflicts are recorded in dst and counted
 * in *n_conflicts (may be NULL); they do not make the call fail.  The
 * conflicts src already held are carried over too (attached to the
 * matching row of dst) but not counted in *n_conflicts. */
ec_err ec_series_merge(ec_series *dst, const ec_series *src,
                       size_t *n_conflicts, ec_error *err);

/* Distinct values of a string column over the rows ("company", "metric",
 * "segment", "doc"), sorted; *out allocated (free() the array only). */
ec_err ec_series_distinct(const ec_series *s, const char *column,
                          const char ***out, size_t *n);

#ifdef __cplusplus
}
#endif
#endif
