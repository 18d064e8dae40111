"""Batch grading around nbgrader: run its commands, record every submission's outcome, report."""
