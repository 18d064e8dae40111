"""Speed and quality figures for medcode, each printed next to a baseline."""
