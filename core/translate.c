/* core/translate.c — placeholder until its module lands. */
