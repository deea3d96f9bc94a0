/* backend/interp/interp.c — placeholder. */
