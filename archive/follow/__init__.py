"""`archive follow`: read feeds, sitemaps and GOV.UK's APIs, ingest what is new, keep versions."""
