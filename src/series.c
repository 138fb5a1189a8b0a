/* The observation store: rows unique by key, with conflicts kept aside. */
#define _POSIX_C_SOURCE 200809L
#include "earnchart/series.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char *const standard_columns[] = {
    "company", "doc",    "period", "metric", "segment", "basis",
    "kind",    "value",  "low",    "high",   "unit",    "issued",
    "line",    "quote",  "source_role",
};
#define N_STANDARD (sizeof standard_columns / sizeof standard_columns[0])

const char *const *ec_series_standard_columns(size_t *n)
{
	if (n)
		*n = N_STANDARD;
	return standard_columns;
}

static const char *const basis_names[] = {"gaap", "non_gaap", "none"};
static const char *const kind_names[] = {"actual", "guidance"};
static const char *const unit_names[] = {"usd_m", "usd", "pct", "days",
                                         "count"};

const char *ec_basis_name(ec_basis b)
{
	return (unsigned)b < 3 ? basis_names[b] : "none";
}
const char *ec_kind_name(ec_kind k)
{
	return (unsigned)k < 2 ? kind_names[k] : "actual";
}
const char *ec_unit_name(ec_unit u)
{
	return (unsigned)u < 5 ? unit_names[u] : "usd_m";
}

static bool lookup(const char *s, const char *const *names, int n, int *out)
{
	if (!s)
		return false;
	for (int i = 0; i < n; i++)
		if (strcmp(s, names[i]) == 0) {
			*out = i;
			return true;
		}
	return false;
}

bool ec_basis_parse(const char *s, ec_basis *out)
{
	int i;
	if (!lookup(s, basis_names, 3, &i))
		return false;
	*out = (ec_basis)i;
	return true;
}
bool ec_kind_parse(const char *s, ec_kind *out)
{
	int i;
	if (!lookup(s, kind_names, 2, &i))
		return false;
	*out = (ec_kind)i;
	return true;
}
bool ec_unit_parse(const char *s, ec_unit *out)
{
	int i;
	if (!lookup(s, unit_names, 5, &i))
		return false;
	*out = (ec_unit)i;
	return true;
}

bool ec_values_agree(ec_unit unit, double a, double b)
{
	if (isnan(a) || isnan(b))
		return isnan(a) && isnan(b);
	double d = fabs(a - b);
	switch (unit) {
	case EC_UNIT_USD_M:
		/* 0.5 % relative, with a floor for values near zero. */
		return d <= fmax(0.005 * fmax(fabs(a), fabs(b)), 0.0051);
	case EC_UNIT_USD:
		return d <= 0.0051;
	case EC_UNIT_PCT:
		return d <= 0.051;
	default:
		return d <= 0.51;
	}
}

ec_obs ec_obs_init(void)
{
	ec_obs o;
	memset(&o, 0, sizeof o);
	o.period = ec_period_quarter(2000, 1);
	o.value = o.low = o.high = NAN;
	o.basis = EC_BASIS_NONE;
	o.kind = EC_KIND_ACTUAL;
	o.unit = EC_UNIT_USD_M;
	return o;
}

static const char *nz(const char *s) { return s ? s : ""; }
static const char *seg(const char *s) { return s && *s ? s : "total"; }

ec_key ec_obs_key(const ec_obs *o)
{
	ec_key k = {nz(o->company), o->period,  nz(o->metric), seg(o->segment),
	            o->basis,       o->kind,    nz(o->issued)};
	return k;
}

/* A stored row: the observation with owned strings. */
typedef struct row {
	ec_obs o;
	size_t next; /* next row with the same base key, or SIZE_MAX */
	uint64_t hash;
} row;

typedef struct conflict {
	ec_obs o;
	size_t kept;
} conflict;

struct ec_series {
	row *rows;
	size_t n, cap;
	conflict *conf;
	size_t n_conf, cap_conf;
	size_t dups;
	char **layout;
	size_t n_layout;
	size_t *table; /* base-key hash -> first row index, SIZE_MAX empty */
	size_t table_cap;
	bool doc_keyed; /* doc is part of the key */
};

#define NONE SIZE_MAX

static uint64_t fnv(uint64_t h, const char *s)
{
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	h ^= 0x1f;
	h *= 1099511628211ULL;
	return h;
}

/* Hash of the key without the issue date (doc_keyed stores hash the doc in
 * by passing it as doc; otherwise doc is NULL). */
static uint64_t key_hash(const ec_key *k, const char *doc)
{
	uint64_t h = 1469598103934665603ULL;
	if (doc)
		h = fnv(h, doc);
	h = fnv(h, k->company);
	h = fnv(h, k->metric);
	h = fnv(h, k->segment);
	h ^= (uint64_t)(k->period.year * 64 + k->period.type * 16 + k->period.n);
	h *= 1099511628211ULL;
	h ^= (uint64_t)(k->basis * 4 + k->kind);
	h *= 1099511628211ULL;
	return h;
}

static bool base_equal(const ec_key *a, const ec_key *b)
{
	return ec_period_equal(a->period, b->period) && a->basis == b->basis &&
	       a->kind == b->kind && strcmp(a->company, b->company) == 0 &&
	       strcmp(a->metric, b->metric) == 0 &&
	       strcmp(a->segment, b->segment) == 0;
}

/* Same base key, and the same document when the store is doc-keyed. */
static bool same_key(const ec_series *s, const ec_obs *a, const ec_obs *b)
{
	ec_key ka = ec_obs_key(a), kb = ec_obs_key(b);
	if (!base_equal(&ka, &kb))
		return false;
	return !s->doc_keyed || strcmp(nz(a->doc), nz(b->doc)) == 0;
}

static char *dup(const char *s)
{
	return strdup(s ? s : "");
}

/* The seven strings of a stored obs live in one block that starts with
 * company (obs_copy): freeing company frees them all. */
static void obs_free(ec_obs *o)
{
	free((char *)o->company);
	if (o->cells) {
		for (size_t i = 0; i < o->n_cells; i++)
			free((char *)o->cells[i]);
		free((void *)o->cells);
	}
	free((void *)o->quoted);
	memset(o, 0, sizeof *o);
}

/* Deep copy of src into dst; cells copied as given (n_cells of them). */
static ec_err obs_copy(ec_obs *dst, const ec_obs *src)
{
	*dst = *src;
	/* the seven strings in one block (one malloc, one free per row),
	 * company first: obs_free frees the block by it */
	const char *from[7] = {nz(src->company), nz(src->doc),    nz(src->metric),
	                       seg(src->segment), nz(src->issued), nz(src->quote),
	                       nz(src->source_role)};
	size_t len[7], total = 0;
	for (int k = 0; k < 7; k++) {
		len[k] = strlen(from[k]) + 1;
		total += len[k];
	}
	char *blk = malloc(total);
	const char *to[7] = {NULL, NULL, NULL, NULL, NULL, NULL, NULL};
	if (blk) {
		char *p = blk;
		for (int k = 0; k < 7; k++) {
			memcpy(p, from[k], len[k]);
			to[k] = p;
			p += len[k];
		}
	}
	dst->company = to[0];
	dst->doc = to[1];
	dst->metric = to[2];
	dst->segment = to[3];
	dst->issued = to[4];
	dst->quote = to[5];
	dst->source_role = to[6];
	dst->cells = NULL;
	dst->quoted = NULL;
	dst->n_cells = 0;
	bool ok = blk != NULL;
	if (ok && src->cells && src->n_cells) {
		char **c = calloc(src->n_cells, sizeof *c);
		unsigned char *q = calloc(src->n_cells, 1);
		dst->cells = (const char *const *)c;
		dst->quoted = q;
		dst->n_cells = src->n_cells;
		ok = c && q;
		for (size_t i = 0; ok && i < src->n_cells; i++) {
			c[i] = dup(src->cells[i]);
			ok = c[i] != NULL;
			if (src->quoted)
				q[i] = src->quoted[i];
		}
		if (!c) {
			dst->cells = NULL;
			dst->n_cells = 0;
		}
	}
	if (!ok) {
		obs_free(dst);
		return EC_ENOMEM;
	}
	return EC_OK;
}

ec_series *ec_series_new(void)
{
	ec_series *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	if (ec_series_set_layout(s, standard_columns, N_STANDARD, NULL)) {
		free(s);
		return NULL;
	}
	return s;
}

static void free_layout(ec_series *s)
{
	for (size_t i = 0; i < s->n_layout; i++)
		free(s->layout[i]);
	free(s->layout);
	s->layout = NULL;
	s->n_layout = 0;
}

void ec_series_free(ec_series *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++)
		obs_free(&s->rows[i].o);
	for (size_t i = 0; i < s->n_conf; i++)
		obs_free(&s->conf[i].o);
	free(s->rows);
	free(s->conf);
	free(s->table);
	free_layout(s);
	free(s);
}

ec_err ec_series_set_layout(ec_series *s, const char *const *names, size_t n,
                            ec_error *err)
{
	if (s->n)
		return ec_error_set(err, EC_EINVAL, NULL, 0, 0,
		                    "the layout of a store that holds rows "
		                    "cannot change");
	char **l = calloc(n ? n : 1, sizeof *l);
	if (!l)
		return ec_error_set(err, EC_ENOMEM, NULL, 0, 0, "out of memory");
	for (size_t i = 0; i < n; i++) {
		l[i] = dup(names[i]);
		if (!l[i]) {
			for (size_t j = 0; j < i; j++)
				free(l[j]);
			free(l);
			return ec_error_set(err, EC_ENOMEM, NULL, 0, 0,
			                    "out of memory");
		}
	}
	free_layout(s);
	s->layout = l;
	s->n_layout = n;
	return EC_OK;
}

size_t ec_series_layout_count(const ec_series *s) { return s->n_layout; }

const char *ec_series_layout_name(const ec_series *s, size_t i)
{
	return i < s->n_layout ? s->layout[i] : NULL;
}

static ec_err grow_table(ec_series *s)
{
	size_t cap = s->table_cap ? s->table_cap * 2 : 64;
	size_t *t = malloc(cap * sizeof *t);
	if (!t)
		return EC_ENOMEM;
	for (size_t i = 0; i < cap; i++)
		t[i] = NONE;
	/* Re-insert chain heads: walk rows in order, linking each row to the
	 * previous row of the same base key. */
	free(s->table);
	s->table = t;
	s->table_cap = cap;
	for (size_t i = 0; i < s->n; i++)
		s->rows[i].next = NONE;
	for (size_t i = 0; i < s->n; i++) {
		size_t slot = s->rows[i].hash & (cap - 1);
		for (;;) {
			size_t h = t[slot];
			if (h == NONE) {
				t[slot] = i;
				break;
			}
			if (s->rows[h].hash == s->rows[i].hash &&
			    same_key(s, &s->rows[h].o, &s->rows[i].o)) {
				size_t j = h;
				while (s->rows[j].next != NONE)
					j = s->rows[j].next;
				s->rows[j].next = i;
				break;
			}
			slot = (slot + 1) & (cap - 1);
		}
	}
	return EC_OK;
}

/* Head row of the chain with this base key, or NONE; *slot_out gets the
 * table slot (where to insert when absent). */
static size_t chain_head(const ec_series *s, const ec_key *k,
                         const char *doc, uint64_t h, size_t *slot_out)
{
	if (!s->table_cap) {
		*slot_out = NONE;
		return NONE;
	}
	size_t slot = h & (s->table_cap - 1);
	for (;;) {
		size_t r = s->table[slot];
		if (r == NONE)
			break;
		ec_key a = ec_obs_key(&s->rows[r].o);
		if (s->rows[r].hash == h && base_equal(&a, k) &&
		    (!s->doc_keyed || strcmp(s->rows[r].o.doc, nz(doc)) == 0))
			break;
		slot = (slot + 1) & (s->table_cap - 1);
	}
	*slot_out = slot;
	return s->table[slot];
}

/* Number of decimals needed to write v exactly (0..9). */
static int decimals(double v)
{
	if (isnan(v))
		return -1;
	double a = fabs(v);
	for (int d = 0; d < 9; d++) {
		double m = a * pow(10, d);
		if (fabs(m - nearbyint(m)) <= 1e-7 * fmax(1.0, m))
			return d;
	}
	return 9;
}

static int precision(const ec_obs *o)
{
	if (o->kind == EC_KIND_GUIDANCE)
		return decimals(o->low) + decimals(o->high);
	return decimals(o->value);
}

static bool agree(const ec_obs *a, const ec_obs *b)
{
	if (a->unit != b->unit)
		return false;
	/* Guidance agrees when its bounds agree and, where both rows give a
	 * point value (a point forecast, or the midpoint a writer filled in),
	 * those agree too.  A midpoint left empty (SCHEMA allows it) is not a
	 * disagreement. */
	if (a->kind == EC_KIND_GUIDANCE)
		return ec_values_agree(a->unit, a->low, b->low) &&
		       ec_values_agree(a->unit, a->high, b->high) &&
		       (isnan(a->value) || isnan(b->value) ||
		        ec_values_agree(a->unit, a->value, b->value));
	return ec_values_agree(a->unit, a->value, b->value);
}

static ec_err record_conflict(ec_series *s, const ec_obs *o, size_t kept,
                              ec_error *err)
{
	if (s->n_conf == s->cap_conf) {
		size_t cap = s->cap_conf ? s->cap_conf * 2 : 16;
		conflict *c = realloc(s->conf, cap * sizeof *c);
		if (!c)
			return ec_error_set(err, EC_ENOMEM, NULL, 0, 0,
			                    "out of memory");
		s->conf = c;
		s->cap_conf = cap;
	}
	if (obs_copy(&s->conf[s->n_conf].o, o))
		return ec_error_set(err, EC_ENOMEM, NULL, 0, 0, "out of memory");
	s->conf[s->n_conf].kept = kept;
	s->n_conf++;
	char p[EC_PERIOD_STRLEN];
	const ec_obs *k = &s->rows[kept].o;
	return ec_error_set(err, EC_ECONFLICT, o->doc, o->line, 0,
	                    "%s %s %s %s %s %s: %g %s disagrees with %g from "
	                    "%s line %ld",
	                    nz(o->company), ec_period_format(o->period, p),
	                    nz(o->metric), seg(o->segment),
	                    ec_basis_name(o->basis), ec_kind_name(o->kind),
	                    o->kind == EC_KIND_GUIDANCE ? o->low : o->value,
	                    ec_unit_name(o->unit),
	                    k->kind == EC_KIND_GUIDANCE ? k->low : k->value,
	                    k->doc[0] ? k->doc : "(no document)", k->line);
}

ec_err ec_series_add(ec_series *s, const ec_obs *o, ec_error *err)
{
	if (!o->metric || !o->metric[0])
		return ec_error_set(err, EC_EINVAL, o->doc, o->line, 0,
		                    "an observation needs a metric");
	if (o->cells && o->n_cells != s->n_layout)
		return ec_error_set(err, EC_EINVAL, o->doc, o->line, 0,
		                    "row has %zu cells, the layout %zu",
		                    o->n_cells, s->n_layout);
	if ((s->n + 1) * 2 > s->table_cap && grow_table(s))
		return ec_error_set(err, EC_ENOMEM, NULL, 0, 0, "out of memory");
	ec_key k = ec_obs_key(o);
	const char *doc = s->doc_keyed ? nz(o->doc) : NULL;
	uint64_t h = key_hash(&k, doc);
	size_t slot;
	size_t head = chain_head(s, &k, doc, h, &slot);
	size_t last = NONE;
	for (size_t r = head; r != NONE; r = s->rows[r].next) {
		last = r;
		const ec_obs *have = &s->rows[r].o;
		if (o->kind == EC_KIND_GUIDANCE &&
		    strcmp(nz(have->issued), nz(o->issued)) != 0)
			continue;
		if (!agree(have, o))
			return record_conflict(s, o, r, err);
		s->dups++;
		if (precision(o) > precision(have)) {
			/* Keep the place, take the more precise mention. */
			ec_obs copy;
			if (obs_copy(&copy, o))
				return ec_error_set(err, EC_ENOMEM, NULL, 0, 0,
				                    "out of memory");
			if (!copy.cells && have->cells) {
				/* Keep cells of the row in place so the layout
				 * stays whole; they describe the old text. */
				copy.cells = have->cells;
				copy.quoted = have->quoted;
				copy.n_cells = have->n_cells;
				((ec_obs *)have)->cells = NULL;
				((ec_obs *)have)->quoted = NULL;
				((ec_obs *)have)->n_cells = 0;
			}
			obs_free(&s->rows[r].o);
			s->rows[r].o = copy;
		}
		return EC_OK;
	}
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		row *nr = realloc(s->rows, cap * sizeof *nr);
		if (!nr)
			return ec_error_set(err, EC_ENOMEM, NULL, 0, 0,
			                    "out of memory");
		s->rows = nr;
		s->cap = cap;
	}
	row *nr = &s->rows[s->n];
	if (obs_copy(&nr->o, o))
		return ec_error_set(err, EC_ENOMEM, NULL, 0, 0, "out of memory");
	nr->next = NONE;
	nr->hash = h;
	if (last != NONE)
		s->rows[last].next = s->n;
	else
		s->table[slot] = s->n;
	s->n++;
	return EC_OK;
}

ec_err ec_series_set_doc_keyed(ec_series *s, bool on)
{
	if (s->n)
		return EC_EINVAL;
	s->doc_keyed = on;
	return EC_OK;
}

size_t ec_series_count(const ec_series *s) { return s->n; }

const ec_obs *ec_series_get(const ec_series *s, size_t i)
{
	return i < s->n ? &s->rows[i].o : NULL;
}

size_t ec_series_duplicate_count(const ec_series *s) { return s->dups; }

size_t ec_series_conflict_count(const ec_series *s) { return s->n_conf; }

const ec_obs *ec_series_conflict(const ec_series *s, size_t i,
                                 const ec_obs **kept)
{
	if (i >= s->n_conf)
		return NULL;
	if (kept)
		*kept = &s->rows[s->conf[i].kept].o;
	return &s->conf[i].o;
}

const ec_obs *ec_series_find(const ec_series *s, const ec_key *key)
{
	ec_key k = *key;
	k.company = nz(k.company);
	k.metric = nz(k.metric);
	k.segment = seg(k.segment);
	size_t slot;
	/* A doc-keyed store is searched for the key in any document: scan. */
	if (s->doc_keyed) {
		const ec_obs *best = NULL;
		for (size_t i = 0; i < s->n; i++) {
			const ec_obs *o = &s->rows[i].o;
			ec_key ok = ec_obs_key(o);
			if (!base_equal(&ok, &k))
				continue;
			if (k.kind != EC_KIND_GUIDANCE)
				return o;
			if (key->issued ? strcmp(o->issued, key->issued) == 0
			                : (!best || strcmp(o->issued, best->issued) >= 0))
				best = o;
		}
		return best;
	}
	size_t r = chain_head(s, &k, NULL, key_hash(&k, NULL), &slot);
	const ec_obs *best = NULL;
	for (; r != NONE; r = s->rows[r].next) {
		const ec_obs *o = &s->rows[r].o;
		if (k.kind != EC_KIND_GUIDANCE)
			return o;
		if (key->issued) {
			if (strcmp(o->issued, key->issued) == 0)
				return o;
		} else if (!best || strcmp(o->issued, best->issued) >= 0) {
			best = o;
		}
	}
	return best;
}

ec_select ec_select_all(void)
{
	ec_select s = {NULL, NULL, NULL, -1, -1};
	return s;
}

static bool selected(const ec_obs *o, const ec_select *sel)
{
	if (!sel)
		return true;
	if (sel->company && strcmp(sel->company, o->company) != 0)
		return false;
	if (sel->metric && strcmp(sel->metric, o->metric) != 0)
		return false;
	if (sel->segment && strcmp(seg(sel->segment), o->segment) != 0)
		return false;
	if (sel->basis >= 0 && (int)o->basis != sel->basis)
		return false;
	if (sel->kind >= 0 && (int)o->kind != sel->kind)
		return false;
	return true;
}

static int obs_order(const void *pa, const void *pb)
{
	const ec_obs *a = *(const ec_obs *const *)pa;
	const ec_obs *b = *(const ec_obs *const *)pb;
	int c = ec_period_cmp(a->period, b->period);
	if (c)
		return c;
	if ((c = strcmp(a->company, b->company)))
		return c;
	if ((c = strcmp(a->metric, b->metric)))
		return c;
	if ((c = strcmp(a->segment, b->segment)))
		return c;
	if (a->basis != b->basis)
		return a->basis < b->basis ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if ((c = strcmp(a->issued, b->issued)))
		return c;
	/* Stable for equal keys: by address, i.e. insertion order. */
	return a < b ? -1 : a > b;
}

ec_err ec_series_select(const ec_series *s, const ec_select *sel,
                        const ec_obs ***out, size_t *n)
{
	*out = NULL;
	*n = 0;
	size_t m = 0;
	for (size_t i = 0; i < s->n; i++)
		m += selected(&s->rows[i].o, sel);
	if (!m)
		return EC_OK;
	const ec_obs **v = malloc(m * sizeof *v);
	if (!v)
		return EC_ENOMEM;
	size_t j = 0;
	for (size_t i = 0; i < s->n; i++)
		if (selected(&s->rows[i].o, sel))
			v[j++] = &s->rows[i].o;
	qsort(v, m, sizeof *v, obs_order);
	*out = v;
	*n = m;
	return EC_OK;
}

static size_t layout_index(const ec_series *s, const char *name)
{
	for (size_t i = 0; i < s->n_layout; i++)
		if (strcmp(s->layout[i], name) == 0)
			return i;
	return NONE;
}

/* Appends column name to the layout and an empty cell to every row that
 * has cells. */
static ec_err add_column(ec_series *s, const char *name)
{
	char **l = realloc(s->layout, (s->n_layout + 1) * sizeof *l);
	if (!l)
		return EC_ENOMEM;
	s->layout = l;
	if (!(l[s->n_layout] = dup(name)))
		return EC_ENOMEM;
	size_t n = s->n_layout + 1;
	for (size_t i = 0; i < s->n; i++) {
		ec_obs *o = &s->rows[i].o;
		if (!o->cells)
			continue;
		char **c = realloc((void *)o->cells, n * sizeof *c);
		if (!c)
			return EC_ENOMEM;
		o->cells = (const char *const *)c;
		unsigned char *q = realloc((void *)o->quoted, n);
		if (!q)
			return EC_ENOMEM;
		o->quoted = q;
		if (!(c[n - 1] = dup("")))
			return EC_ENOMEM;
		q[n - 1] = 0;
		o->n_cells = n;
	}
	s->n_layout = n;
	return EC_OK;
}

ec_err ec_series_merge(ec_series *dst, const ec_series *src,
                       size_t *n_conflicts, ec_error *err)
{
	size_t conf = 0;
	if (n_conflicts)
		*n_conflicts = 0;
	for (size_t i = 0; i < src->n_layout; i++)
		if (layout_index(dst, src->layout[i]) == NONE &&
		    add_column(dst, src->layout[i]))
			return ec_error_set(err, EC_ENOMEM, NULL, 0, 0,
			                    "out of memory");
	size_t *map = malloc((dst->n_layout ? dst->n_layout : 1) * sizeof *map);
	const char **cells = malloc((dst->n_layout ? dst->n_layout : 1) *
	                            sizeof *cells);
	unsigned char *quoted = malloc(dst->n_layout ? dst->n_layout : 1);
	if (!map || !cells || !quoted) {
		free(map);
		free(cells);
		free(quoted);
		return ec_error_set(err, EC_ENOMEM, NULL, 0, 0, "out of memory");
	}
	for (size_t j = 0; j < dst->n_layout; j++)
		map[j] = layout_index(src, dst->layout[j]);
	ec_err rc = EC_OK;
	for (size_t i = 0; i < src->n && !rc; i++) {
		ec_obs o = src->rows[i].o;
		if (o.cells) {
			for (size_t j = 0; j < dst->n_layout; j++) {
				cells[j] = map[j] == NONE ? "" : o.cells[map[j]];
				quoted[j] = map[j] == NONE ? 0 : o.quoted[map[j]];
			}
			o.cells = cells;
			o.quoted = quoted;
			o.n_cells = dst->n_layout;
		}
		ec_error e2;
		ec_err r = ec_series_add(dst, &o, &e2);
		if (r == EC_ECONFLICT)
			conf++;
		else if (r) {
			rc = r;
			if (err)
				*err = e2;
		}
	}
	free(map);
	free(cells);
	free(quoted);
	/* Conflicts that src already holds come along, tied to the row of dst
	 * that now carries their key, so that nothing reported is lost by a
	 * merge.  They were counted when src was built, not here.  Their
	 * cells (in src's layout) are not kept. */
	for (size_t i = 0; i < src->n_conf && !rc; i++) {
		const ec_obs *kept_src = &src->rows[src->conf[i].kept].o;
		ec_key k = ec_obs_key(kept_src);
		const ec_obs *kept = NULL;
		/* The row of dst with the kept row's key (and document, in a
		 * doc-keyed store; and issue date, for guidance).  Conflicts
		 * are few: a scan is enough. */
		for (size_t j = 0; j < dst->n && !kept; j++) {
			const ec_obs *d = &dst->rows[j].o;
			ec_key dk = ec_obs_key(d);
			if (base_equal(&dk, &k) &&
			    (!dst->doc_keyed ||
			     strcmp(nz(d->doc), nz(kept_src->doc)) == 0) &&
			    (k.kind != EC_KIND_GUIDANCE ||
			     strcmp(dk.issued, k.issued) == 0))
				kept = d;
		}
		if (!kept)
			continue;
		ec_obs o = src->conf[i].o;
		o.cells = NULL;
		o.quoted = NULL;
		o.n_cells = 0;
		size_t at = (size_t)((const row *)(const void *)kept - dst->rows);
		ec_error e2;
		if (record_conflict(dst, &o, at, &e2) == EC_ENOMEM) {
			rc = EC_ENOMEM;
			if (err)
				*err = e2;
		}
	}
	if (n_conflicts)
		*n_conflicts = conf;
	return rc;
}

static const char *column_of(const ec_obs *o, const char *column)
{
	if (strcmp(column, "company") == 0)
		return o->company;
	if (strcmp(column, "metric") == 0)
		return o->metric;
	if (strcmp(column, "segment") == 0)
		return o->segment;
	if (strcmp(column, "doc") == 0)
		return o->doc;
	if (strcmp(column, "issued") == 0)
		return o->issued;
	if (strcmp(column, "source_role") == 0)
		return o->source_role;
	return NULL;
}

static int str_order(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

ec_err ec_series_distinct(const ec_series *s, const char *column,
                          const char ***out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!s->n)
		return EC_OK;
	const char **v = malloc(s->n * sizeof *v);
	if (!v)
		return EC_ENOMEM;
	size_t m = 0;
	for (size_t i = 0; i < s->n; i++) {
		const char *x = column_of(&s->rows[i].o, column);
		if (!x) {
			free(v);
			return EC_EINVAL;
		}
		v[m++] = x;
	}
	qsort(v, m, sizeof *v, str_order);
	size_t u = 0;
	for (size_t i = 0; i < m; i++)
		if (u == 0 || strcmp(v[u - 1], v[i]) != 0)
			v[u++] = v[i];
	*out = v;
	*n = u;
	return EC_OK;
}
