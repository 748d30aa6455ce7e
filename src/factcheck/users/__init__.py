"""User management: API keys shown once, roles, disabling and key rotation, all audited."""
