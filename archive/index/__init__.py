"""The index: corpus documents into a Whoosh index, built in generations published atomically."""
