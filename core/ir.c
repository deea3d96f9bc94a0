/* core/ir.c — placeholder until its module lands. */
