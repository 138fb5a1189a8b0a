/* A tiny test harness: one named PASS/FAIL line per check. */
#ifndef EC_TESTLIB_H
#define EC_TESTLIB_H

#include <stdbool.h>
#include <stddef.h>

extern int ec_test_failures;
extern int ec_test_count;

/* Records one check; prints "PASS name" or "FAIL name (file:line)". */
bool ec_test_check(bool ok, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* |got - want| <= rel * |want| (or <= rel when want == 0). */
bool ec_test_rel(double got, double want, double rel, const char *file,
                 int line, const char *what);
bool ec_test_streq(const char *got, const char *want, const char *file,
                   int line, const char *what);
/* Prints the summary line and returns the exit status for main(). */
int ec_test_done(void);

#define CHECK(cond, ...) ec_test_check((cond), __FILE__, __LINE__, __VA_ARGS__)
#define CHECK_REL(got, want, rel, what) \
	ec_test_rel((got), (want), (rel), __FILE__, __LINE__, (what))
#define CHECK_STR(got, want, what) \
	ec_test_streq((got), (want), __FILE__, __LINE__, (what))

#endif
