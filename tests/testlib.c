#include "testlib.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int ec_test_failures;
int ec_test_count;

bool ec_test_check(bool ok, const char *file, int line, const char *fmt, ...)
{
	char name[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(name, sizeof name, fmt, ap);
	va_end(ap);
	ec_test_count++;
	if (ok) {
		printf("PASS %s\n", name);
	} else {
		ec_test_failures++;
		printf("FAIL %s (%s:%d)\n", name, file, line);
	}
	return ok;
}

bool ec_test_rel(double got, double want, double rel, const char *file,
                 int line, const char *what)
{
	double tol = want == 0 ? rel : rel * fabs(want);
	bool ok = isfinite(got) && fabs(got - want) <= tol;
	if (isnan(want) && isnan(got))
		ok = true;
	return ec_test_check(ok, file, line, "%s: got %.17g want %.17g", what,
	                     got, want);
}

bool ec_test_streq(const char *got, const char *want, const char *file,
                   int line, const char *what)
{
	bool ok = got && want && strcmp(got, want) == 0;
	return ec_test_check(ok, file, line, "%s: got '%s' want '%s'", what,
	                     got ? got : "(null)", want ? want : "(null)");
}

int ec_test_done(void)
{
	printf("%d passed, %d failed\n", ec_test_count - ec_test_failures,
	       ec_test_failures);
	return ec_test_failures ? 1 : 0;
}
