"""Streamlit + Plotly pieces of the AdLens dashboard: controls that return values, charts that draw.

Engine work lives in `adlens/`; everything here only presents what the engine returns.
"""
