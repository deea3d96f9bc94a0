/* core/exec.c — placeholder until its module lands. */
