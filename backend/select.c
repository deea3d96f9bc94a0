/* backend/select.c — placeholder. */
