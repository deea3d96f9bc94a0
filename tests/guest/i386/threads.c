/* tests/guest/i386/threads.c — guest threads (clone with set_thread_area
 * TLS), locked atomics (lock xadd, lock cmpxchg, lock inc, xchg,
 * cmpxchg8b) under contention, mutexes and __thread variables.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#define NT 4
#define ITERS 20000

static volatile uint32_t c_xadd, c_inc, c_cas, spin;
static volatile uint64_t c_cas8;
static long c_spin, c_mutex;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static __thread int tls_id;
static __thread char tls_buf[32];

static void *worker(void *arg)
{
    tls_id = (int)(intptr_t)arg;
    snprintf(tls_buf, sizeof(tls_buf), "thread %d", tls_id);
    for (int i = 0; i < ITERS; i++) {
        __atomic_fetch_add(&c_xadd, 3, __ATOMIC_SEQ_CST);
        __asm__ volatile("lock incl %0" : "+m"(c_inc));
        for (;;) {
            uint32_t old = c_cas;
            if (__sync_bool_compare_and_swap(&c_cas, old, old + 1)) {
                break;
            }
        }
        for (;;) {
            uint64_t old = c_cas8;
            if (__sync_bool_compare_and_swap(&c_cas8, old, old + 0x100000001ull)) {
                break;
            }
        }
        while (__atomic_exchange_n(&spin, 1, __ATOMIC_ACQUIRE)) {
        }
        c_spin++;
        __atomic_store_n(&spin, 0, __ATOMIC_RELEASE);
        pthread_mutex_lock(&mu);
        c_mutex++;
        pthread_mutex_unlock(&mu);
    }
    return (void *)(intptr_t)(tls_id == (int)(intptr_t)arg &&
                              tls_buf[7] == '0' + tls_id);
}

int main(void)
{
    pthread_t th[NT];
    int ok = 1;

    tls_id = 99;
    for (int i = 0; i < NT; i++) {
        pthread_create(&th[i], NULL, worker, (void *)(intptr_t)i);
    }
    for (int i = 0; i < NT; i++) {
        void *r;
        pthread_join(th[i], &r);
        ok &= (int)(intptr_t)r;
    }
    printf("xadd %u inc %u cas %u cas8 %llx spin %ld mutex %ld\n", c_xadd,
           c_inc, c_cas, (unsigned long long)c_cas8, c_spin, c_mutex);
    printf("tls ok %d main tls %d\n", ok, tls_id);
    return 0;
}
