/* core/optimize.c — placeholder until its module lands. */
