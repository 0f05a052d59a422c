"""Cabinet views: the dashboard (with lazy widgets) and the site-settings page."""

from .dashboard import dashboard_view, dashboard_widget_view
from .site_settings import site_settings_tab_view, site_settings_view

__all__ = ["dashboard_view", "dashboard_widget_view", "site_settings_tab_view", "site_settings_view"]
