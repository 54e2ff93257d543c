"""AdLens engine: simulation, data contract, signals, policy, ranking, attribution and recall.

Pure Python (numpy, pandas, scikit-learn); nothing in this package imports Streamlit.
"""

__version__ = "0.1.0"
