"""What one article yields: entities, quotes and their speakers, times, numbers, claims."""
