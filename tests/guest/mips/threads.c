/* tests/guest/mips/threads.c — guest threads: LL/SC atomics under
 * contention (__atomic builtins compile to ll/sc loops), a mutex and a
 * condition variable (futexes), thread-local storage through RDHWR $29,
 * join values, and a hand-written ll/sc increment loop. */
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
    return 0;
}
