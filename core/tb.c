/* core/tb.c — placeholder until its module lands. */
