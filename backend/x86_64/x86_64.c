/* backend/x86_64/x86_64.c — placeholder. */
