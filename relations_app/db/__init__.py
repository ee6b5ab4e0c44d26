"""The database: Peewee models, numbered migrations, and the backend behind them."""
