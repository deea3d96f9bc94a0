/* ARM guest test: 8 pthreads hammering an atomic counter (__sync builtins:
 * on ARMv5 these call the kernel's __kuser_cmpxchg helper at 0xffff0fc0),
 * a mutex-protected counter, a condition-variable handshake, thread-local
 * storage (__kuser_get_tls), SWP-based spinlock, join with return values. */
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define NTHREADS 8
#define ITERS 20000

static volatile uint32_t atomic_counter;
static volatile uint64_t atomic64_counter;
static uint32_t mutex_counter;
static pthread_mutex_t mtx = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int turn;
static uint32_t pingpong_log[2 * NTHREADS];
static int log_len;
static __thread uint32_t tls_value;
static volatile uint32_t swp_lock;
static uint32_t swp_counter;

static void swp_acquire(void)
{
    uint32_t old;
    do {
        asm volatile("swp %[o], %[one], [%[l]]"
                     : [o] "=&r"(old)
                     : [one] "r"(1u), [l] "r"(&swp_lock)
                     : "memory");
        if (old != 0) {
            sched_yield();
        }
    } while (old != 0);
}

static void swp_release(void)
{
    asm volatile("" ::: "memory");
    swp_lock = 0;
}

static void *worker(void *arg)
{
    uint32_t id = (uint32_t)(uintptr_t)arg;
    tls_value = id * 1000;
    for (int i = 0; i < ITERS; i++) {
        __sync_fetch_and_add(&atomic_counter, 1);
        if ((i & 7) == 0) {
            __sync_fetch_and_add(&atomic64_counter, 3);
        }
        if ((i & 3) == 0) {
            pthread_mutex_lock(&mtx);
            mutex_counter += 2;
            pthread_mutex_unlock(&mtx);
        }
        if ((i & 15) == 0) {
            swp_acquire();
            swp_counter++;
            swp_release();
        }
        tls_value++;
    }
    /* condition variable: threads take their turn in id order */
    pthread_mutex_lock(&mtx);
    while (turn != (int)id) {
        pthread_cond_wait(&cond, &mtx);
    }
    pingpong_log[log_len++] = id;
    turn++;
    pthread_cond_broadcast(&cond);
    pthread_mutex_unlock(&mtx);
    return (void *)(uintptr_t)(tls_value - id * 1000);
}

static volatile uint32_t futex_word;
static volatile uint32_t futex_done;

static long futex(volatile uint32_t *addr, int op, uint32_t val,
                  const struct timespec *ts)
{
    return syscall(SYS_futex, addr, op, val, ts, NULL, 0);
}

/* Waits until futex_word becomes 1, sleeping in FUTEX_WAIT. */
static void *futex_waiter(void *arg)
{
    (void)arg;
    while (futex_word == 0) {
        futex(&futex_word, FUTEX_WAIT_PRIVATE, 0, NULL);
    }
    __sync_fetch_and_add(&futex_done, 1);
    return NULL;
}

static void test_futex(void)
{
    struct timespec ts = {0, 10 * 1000 * 1000};
    uint32_t w = 5;
    errno = 0;
    long r = futex(&w, FUTEX_WAIT_PRIVATE, 6, NULL);
    printf("futex wait on changed value: %ld %s\n", r,
           errno == EAGAIN ? "EAGAIN" : "?");
    errno = 0;
    r = futex(&w, FUTEX_WAIT_PRIVATE, 5, &ts);
    printf("futex wait with timeout: %ld %s\n", r,
           errno == ETIMEDOUT ? "ETIMEDOUT" : "?");
    printf("futex wake nobody: %ld\n", futex(&w, FUTEX_WAKE_PRIVATE, 1, NULL));
    pthread_t th[4];
    for (int i = 0; i < 4; i++) {
        pthread_create(&th[i], NULL, futex_waiter, NULL);
    }
    /* let them sleep (not required for correctness), then release all */
    struct timespec nap = {0, 20 * 1000 * 1000};
    nanosleep(&nap, NULL);
    __sync_synchronize();
    futex_word = 1;
    futex(&futex_word, FUTEX_WAKE_PRIVATE, 0x7fffffff, NULL);
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
    }
    printf("futex waiters released: %u\n", futex_done);
}

int main(void)
{
    pthread_t th[NTHREADS];
    tls_value = 77;
    for (uint32_t i = 0; i < NTHREADS; i++) {
        if (pthread_create(&th[i], NULL, worker, (void *)(uintptr_t)i) != 0) {
            printf("pthread_create failed\n");
            return 1;
        }
    }
    uint32_t total_ret = 0;
    for (int i = 0; i < NTHREADS; i++) {
        void *ret;
        pthread_join(th[i], &ret);
        total_ret += (uint32_t)(uintptr_t)ret;
    }
    printf("atomic counter %u (expect %u)\n", atomic_counter,
           NTHREADS * ITERS);
    printf("atomic64 counter %llu (expect %u)\n",
           (unsigned long long)atomic64_counter, NTHREADS * (ITERS / 8) * 3);
    printf("mutex counter %u (expect %u)\n", mutex_counter,
           NTHREADS * (ITERS / 4) * 2);
    printf("swp counter %u (expect %u)\n", swp_counter,
           NTHREADS * (ITERS / 16));
    printf("join total %u (expect %u)\n", total_ret, NTHREADS * ITERS);
    printf("turn order:");
    for (int i = 0; i < log_len; i++) {
        printf(" %u", pingpong_log[i]);
    }
    printf("\nmain tls %u\n", tls_value);
    /* compare-and-swap semantics */
    uint32_t v = 5;
    uint32_t old = __sync_val_compare_and_swap(&v, 5, 9);
    uint32_t old2 = __sync_val_compare_and_swap(&v, 5, 11);
    printf("cas %u %u -> %u\n", old, old2, v);
    test_futex();
    printf("done\n");
    return 0;
}
