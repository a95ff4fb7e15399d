"""v6 tables: education, transport, tax, finance, veterans, religion, emergency, utilities, statistics, market."""
