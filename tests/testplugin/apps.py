from django.apps import AppConfig


class TestPluginConfig(AppConfig):
    name = "tests.testplugin"
    label = "testplugin"
    verbose_name = "Test plugin"
    default_auto_field = "django.db.models.BigAutoField"
