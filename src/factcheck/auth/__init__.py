"""API keys, roles and the permission guard every endpoint declares.

`identity` (the caller and the key cache) and `roles` (the permission table) are leaves;
`guards` reads the app's services and is imported only by controllers and the app.
"""
