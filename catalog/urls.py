from django.urls import path

from . import alert_views, views

app_name = "catalog"

urlpatterns = [
    path("", views.home, name="home"),
    path("records/", views.release_list, name="release_list"),
    path("search/", views.search_results, name="search"),
    path("records/<slug:slug>/", views.release_detail, name="release"),
    path("records/<slug:slug>/questions/", views.ask_question, name="ask_question"),
    path("records/<slug:slug>/alert/", alert_views.subscribe, name="stock_alert"),
    path("alerts/confirm/<str:code>/", alert_views.confirm, name="confirm_alert"),
    path("alerts/unsubscribe/<slug:token>/", alert_views.unsubscribe, name="unsubscribe_alert"),
    path("artists/<slug:slug>/", views.artist_detail, name="artist"),
    path("labels/<slug:slug>/", views.label_detail, name="label"),
    path("collections/<slug:slug>/", views.collection_detail, name="collection"),
]
