/* core/codebuf.c — placeholder until its module lands. */
