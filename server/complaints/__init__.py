"""Complaints, suggestions and 好差评 ratings (诉求与好差评)."""
