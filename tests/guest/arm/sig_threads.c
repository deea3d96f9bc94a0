/* ARM guest test (signals engineer): signals and threads together.
 * tgkill to one chosen thread, a process-directed signal taken by the
 * only thread that does not block it, pthread_cancel of a thread blocked
 * in a futex wait (glibc's SIGCANCEL is guest signal 32, carried on a
 * host real-time signal), 8 threads hammering a futex-based mutex, and
 * a main thread that leaves with pthread_exit while workers still run. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static volatile pid_t handler_tid;
static volatile int handler_hits;
static pid_t worker_tid;
static pthread_barrier_t bar;
static volatile int stop_worker;

static pid_t my_tid(void)
{
    return (pid_t)syscall(SYS_gettid);
}

static void on_usr1(int sig)
{
    (void)sig;
    handler_tid = my_tid();
    handler_hits++;
}

static void *spin_worker(void *arg)
{
    (void)arg;
    worker_tid = my_tid();
    pthread_barrier_wait(&bar);
    while (!stop_worker) {
        /* a tight loop: the signal must still get in */
    }
    return NULL;
}

static void *unblocking_worker(void *arg)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    return spin_worker(arg);
}

static void test_tgkill(void)
{
    pthread_t th;
    signal(SIGUSR1, on_usr1);
    pthread_barrier_init(&bar, NULL, 2);
    pthread_create(&th, NULL, spin_worker, NULL);
    pthread_barrier_wait(&bar);
    syscall(SYS_tgkill, getpid(), worker_tid, SIGUSR1);
    while (handler_hits == 0) {
        sched_yield();
    }
    printf("tgkill: handled on the worker %d\n", handler_tid == worker_tid);
    stop_worker = 1;
    pthread_join(th, NULL);
}

static void test_process_directed(void)
{
    sigset_t set;
    pthread_t th;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    /* main blocks SIGUSR1 (the worker inherits that and unblocks it) */
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    handler_hits = 0;
    stop_worker = 0;
    pthread_barrier_init(&bar, NULL, 2);
    pthread_create(&th, NULL, unblocking_worker, NULL);
    pthread_barrier_wait(&bar);
    kill(getpid(), SIGUSR1);
    while (handler_hits == 0) {
        sched_yield();
    }
    printf("kill: taken by the unblocking thread %d\n",
           handler_tid == worker_tid);
    stop_worker = 1;
    pthread_join(th, NULL);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

static void *sleeper(void *arg)
{
    pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
    pthread_cond_t c = PTHREAD_COND_INITIALIZER;
    (void)arg;
    pthread_mutex_lock(&m);
    pthread_barrier_wait(&bar);
    for (;;) {
        pthread_cond_wait(&c, &m); /* a cancellation point */
    }
    return NULL;
}

static void test_cancel(void)
{
    pthread_t th;
    void *ret;
    pthread_barrier_init(&bar, NULL, 2);
    pthread_create(&th, NULL, sleeper, NULL);
    pthread_barrier_wait(&bar);
    pthread_cancel(th);
    pthread_join(th, &ret);
    printf("cancel: joined canceled %d\n", ret == PTHREAD_CANCELED);
}

#define HAMMER_THREADS 8
#define HAMMER_ITERS 5000
static pthread_mutex_t hammer_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned hammer_count;

static void *hammer(void *arg)
{
    (void)arg;
    for (int i = 0; i < HAMMER_ITERS; i++) {
        pthread_mutex_lock(&hammer_lock);
        unsigned v = hammer_count;
        if ((i & 63) == 0) {
            sched_yield(); /* hold the lock a while: waiters sleep */
        }
        hammer_count = v + 1;
        pthread_mutex_unlock(&hammer_lock);
    }
    return NULL;
}

static void test_hammer(void)
{
    pthread_t th[HAMMER_THREADS];
    for (int i = 0; i < HAMMER_THREADS; i++) {
        pthread_create(&th[i], NULL, hammer, NULL);
    }
    for (int i = 0; i < HAMMER_THREADS; i++) {
        pthread_join(th[i], NULL);
    }
    printf("futex mutex: %u (expect %u)\n", hammer_count,
           HAMMER_THREADS * HAMMER_ITERS);
}

static void *last_one(void *arg)
{
    (void)arg;
    usleep(100000);
    printf("worker outlived main: done\n");
    exit(0);
}

int main(void)
{
    pthread_t th;
    setvbuf(stdout, NULL, _IOLBF, 0);
    test_tgkill();
    test_process_directed();
    test_cancel();
    test_hammer();
    pthread_create(&th, NULL, last_one, NULL);
    pthread_exit(NULL);
}
