/* core/lower64.c — placeholder until its module lands. */
