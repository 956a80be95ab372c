app_name = "courses"
# The courses helper fills these in: "catalogue" and "dashboard" must exist (base.html links to them).
urlpatterns = []
