/* backend/x86_64/emit.c — placeholder. */
