/* ARM guest test, linked dynamically (run with -L /usr/arm-linux-gnueabi):
 * the dynamic loader, PLT calls into libc, dlopen of libm.so.6, dlsym of
 * cos/sqrt/pow, dlerror on a missing symbol and library, dlclose. */
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    void *h = dlopen("libm.so.6", RTLD_NOW);
    if (h == NULL) {
        printf("dlopen failed: %s\n", dlerror());
        return 1;
    }
    double (*cosp)(double) = (double (*)(double))dlsym(h, "cos");
    double (*sqrtp)(double) = (double (*)(double))dlsym(h, "sqrt");
    double (*powp)(double, double) =
        (double (*)(double, double))dlsym(h, "pow");
    if (cosp == NULL || sqrtp == NULL || powp == NULL) {
        printf("dlsym failed\n");
        return 1;
    }
    printf("cos(0) = %.6f\n", cosp(0.0));
    printf("cos(1) = %.6f\n", cosp(1.0));
    printf("cos(3.14159265358979) = %.6f\n", cosp(3.14159265358979));
    printf("sqrt(2) = %.9f\n", sqrtp(2.0));
    printf("pow(2, 10) = %.1f\n", powp(2.0, 10.0));
    void *missing = dlsym(h, "no_such_symbol_here");
    const char *err = dlerror();
    printf("missing symbol: %s, error set %d\n", missing ? "found" : "null",
           err != NULL && strstr(err, "no_such_symbol_here") != NULL);
    printf("dlclose %d\n", dlclose(h));
    void *h2 = dlopen("libdoesnotexist.so.9", RTLD_NOW);
    err = dlerror();
    printf("missing library: %s, error set %d\n", h2 ? "found" : "null",
           err != NULL);
    char buf[64];
    snprintf(buf, sizeof(buf), "%s-%d-%.2f", "plt", 42, 2.5);
    printf("libc via plt: %s len %zu\n", buf, strlen(buf));
    return 0;
}
