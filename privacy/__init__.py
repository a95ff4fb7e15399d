"""Privacy: classification, negative-list policy, de-identification, sharing, leak gate."""
