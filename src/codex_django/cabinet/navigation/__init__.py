"""The shell's navigation built from the registry for one request: topbar, sidebar and
shortcuts (menus.py), and the site settings tabs (settings_tabs.py)."""
