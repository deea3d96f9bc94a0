/* core/disas.c — placeholder until its module lands. */
