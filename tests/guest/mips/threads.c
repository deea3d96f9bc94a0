/* tests/guest/mips/threads.c — guest threads: LL/SC atomics under
 * contention (__atomic builtins compile to ll/sc loops), a mutex and a
 * condition variable (futexes), thread-local storage through RDHWR $29,
 * join values, a hand-written ll/sc increment loop, and SWL/SWR writing
 * three bytes of a word while another thread stores the fourth with SB
 * (each must keep seeing its own bytes: SWL/SWR store only theirs). */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#define NTHREADS 4
#define ITERS 20000

static volatile uint32_t atomic_counter, llsc_counter;
static uint32_t mutex_counter;
static pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int ready;
static __thread int tls_value;
static uint64_t wide;

static void llsc_inc(volatile uint32_t *p)
{
    uint32_t tmp;
    __asm__ volatile("1:\tll %0, 0(%1)\n\t"
                     "addiu %0, %0, 1\n\t"
                     "sc %0, 0(%1)\n\t"
                     "beqz %0, 1b\n\t"
                     "nop"
                     : "=&r"(tmp) : "r"(p) : "memory");
}

static void *worker(void *arg)
{
    int id = (int)(intptr_t)arg;

    tls_value = id * 100;
    pthread_mutex_lock(&mutex);
    while (!ready) {
        pthread_cond_wait(&cond, &mutex);
    }
    pthread_mutex_unlock(&mutex);
    for (int i = 0; i < ITERS; i++) {
        __atomic_fetch_add(&atomic_counter, 1, __ATOMIC_SEQ_CST);
        llsc_inc(&llsc_counter);
        pthread_mutex_lock(&mutex);
        mutex_counter++;
        wide += 0x100000001ull;
        pthread_mutex_unlock(&mutex);
    }
    return (void *)(intptr_t)(tls_value + 1);
}

enum { SWLR_ITERS = 1000000 };
static union {
    uint32_t w;
    volatile uint8_t b[4];
} swlr __attribute__((aligned(4)));
static volatile int swlr_ready[2];
static int swlr_bad[2];

/* Bytes 1..3 by SWL (big-endian) or SWR (little-endian) at offset 1. */
static void *swlr_upper(void *arg)
{
    (void)arg;
    swlr_ready[0] = 1;
    while (!swlr_ready[1]) {
    }
    for (uint32_t i = 0; i < SWLR_ITERS; i++) {
        uint32_t v = i * 0x01010101u ^ 0x5a3c9600u;
#ifdef __MIPSEB__
        __asm__ volatile("swl %0, 1(%1)" : : "r"(v), "r"(&swlr) : "memory");
        uint8_t e1 = v >> 24, e2 = v >> 16, e3 = v >> 8;
#else
        __asm__ volatile("swr %0, 1(%1)" : : "r"(v), "r"(&swlr) : "memory");
        uint8_t e1 = v, e2 = v >> 8, e3 = v >> 16;
#endif
        swlr_bad[0] += swlr.b[1] != e1 || swlr.b[2] != e2 || swlr.b[3] != e3;
    }
    return NULL;
}

/* Byte 0 by SB. */
static void *swlr_byte(void *arg)
{
    (void)arg;
    swlr_ready[1] = 1;
    while (!swlr_ready[0]) {
    }
    for (uint32_t i = 0; i < SWLR_ITERS; i++) {
        /* still the value stored one iteration ago */
        swlr_bad[1] += swlr.b[0] != (uint8_t)(i * 7);
        swlr.b[0] = (uint8_t)(i * 7 + 7);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[NTHREADS];
    int sum = 0;

    tls_value = -1;
    for (int i = 0; i < NTHREADS; i++) {
        pthread_create(&t[i], NULL, worker, (void *)(intptr_t)(i + 1));
    }
    pthread_mutex_lock(&mutex);
    ready = 1;
    pthread_cond_broadcast(&cond);
    pthread_mutex_unlock(&mutex);
    for (int i = 0; i < NTHREADS; i++) {
        void *r;
        pthread_join(t[i], &r);
        sum += (int)(intptr_t)r;
    }
    printf("atomic %u llsc %u mutex %u wide %llx\n", atomic_counter,
           llsc_counter, mutex_counter, (unsigned long long)wide);
    printf("join sum %d, main tls still %d\n", sum, tls_value);
    pthread_create(&t[0], NULL, swlr_upper, NULL);
    pthread_create(&t[1], NULL, swlr_byte, NULL);
    pthread_join(t[0], NULL);
    pthread_join(t[1], NULL);
    printf("swl/swr beside sb: mismatches %d %d\n", swlr_bad[0],
           swlr_bad[1]);
    return 0;
}
