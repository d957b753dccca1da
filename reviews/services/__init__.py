"""Split by owner: workspace (triage, themes, questions) and thematic reviews / learning."""
