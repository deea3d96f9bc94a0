/* core/regalloc.c — placeholder until its module lands. */
