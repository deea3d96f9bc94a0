/* bench/guest/nbody.c — floating-point benchmark: the classic five-body
 * planetary simulation in double (multiply, add, divide, sqrt), `size`
 * thousand steps; prints the energy before and after. */
#include <math.h>
#include "common.h"

enum { NBODY_COUNT = 5 };

typedef struct {
    double x, y, z, vx, vy, vz, mass;
} Body;

static const double nbody_pi = 3.141592653589793;
static const double nbody_days_per_year = 365.24;

static void nbody_init(Body b[NBODY_COUNT])
{
    const double solar_mass = 4 * nbody_pi * nbody_pi;
    const double dpy = nbody_days_per_year;
    const Body init[NBODY_COUNT] = {
        { 0, 0, 0, 0, 0, 0, solar_mass },
        { 4.84143144246472090e+00, -1.16032004402742839e+00,
          -1.03622044471123109e-01, 1.66007664274403694e-03 * dpy,
          7.69901118419740425e-03 * dpy, -6.90460016972063023e-05 * dpy,
          9.54791938424326609e-04 * solar_mass },
        { 8.34336671824457987e+00, 4.12479856412430479e+00,
          -4.03523417114321381e-01, -2.76742510726862411e-03 * dpy,
          4.99852801234917238e-03 * dpy, 2.30417297573763929e-05 * dpy,
          2.85885980666130812e-04 * solar_mass },
        { 1.28943695621391310e+01, -1.51111514016986312e+01,
          -2.23307578892655734e-01, 2.96460137564761618e-03 * dpy,
          2.37847173959480950e-03 * dpy, -2.96589568540237556e-05 * dpy,
          4.36624404335156298e-05 * solar_mass },
        { 1.53796971148509165e+01, -2.59193146099879641e+01,
          1.79258772950371181e-01, 2.68067772490389322e-03 * dpy,
          1.62824170038242295e-03 * dpy, -9.51592254519715870e-05 * dpy,
          5.15138902046611451e-05 * solar_mass },
    };
    double px = 0, py = 0, pz = 0;
    for (int i = 0; i < NBODY_COUNT; i++) {
        b[i] = init[i];
        px += b[i].vx * b[i].mass;
        py += b[i].vy * b[i].mass;
        pz += b[i].vz * b[i].mass;
    }
    b[0].vx = -px / solar_mass;
    b[0].vy = -py / solar_mass;
    b[0].vz = -pz / solar_mass;
}

static void nbody_advance(Body b[NBODY_COUNT], double dt)
{
    for (int i = 0; i < NBODY_COUNT; i++) {
        for (int j = i + 1; j < NBODY_COUNT; j++) {
            double dx = b[i].x - b[j].x;
            double dy = b[i].y - b[j].y;
            double dz = b[i].z - b[j].z;
            double d2 = dx * dx + dy * dy + dz * dz;
            double mag = dt / (d2 * sqrt(d2));
            b[i].vx -= dx * b[j].mass * mag;
            b[i].vy -= dy * b[j].mass * mag;
            b[i].vz -= dz * b[j].mass * mag;
            b[j].vx += dx * b[i].mass * mag;
            b[j].vy += dy * b[i].mass * mag;
            b[j].vz += dz * b[i].mass * mag;
        }
    }
    for (int i = 0; i < NBODY_COUNT; i++) {
        b[i].x += dt * b[i].vx;
        b[i].y += dt * b[i].vy;
        b[i].z += dt * b[i].vz;
    }
}

static double nbody_energy(const Body b[NBODY_COUNT])
{
    double e = 0;
    for (int i = 0; i < NBODY_COUNT; i++) {
        e += 0.5 * b[i].mass *
             (b[i].vx * b[i].vx + b[i].vy * b[i].vy + b[i].vz * b[i].vz);
        for (int j = i + 1; j < NBODY_COUNT; j++) {
            double dx = b[i].x - b[j].x;
            double dy = b[i].y - b[j].y;
            double dz = b[i].z - b[j].z;
            e -= b[i].mass * b[j].mass / sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
    return e;
}

int main(int argc, char **argv)
{
    long ksteps = bench_size_arg(argc, argv, 8000);
    Body b[NBODY_COUNT];
    nbody_init(b);
    printf("energy before %.9f\n", nbody_energy(b));
    for (long s = 0; s < ksteps * 1000; s++) {
        nbody_advance(b, 0.01);
    }
    printf("energy after  %.9f after %ld000 steps\n", nbody_energy(b), ksteps);
    return 0;
}
