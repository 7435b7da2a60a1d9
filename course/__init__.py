"""crm-course: interactive exercises and a CRM toolkit for a cross-border e-commerce CRM course."""
__version__ = "0.1.0"
