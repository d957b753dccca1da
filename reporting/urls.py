from django.urls import path

from reporting import views

urlpatterns = [
    path("", views.home, name="home"),
    path("report/new/", views.new_report, name="new_report"),
    path("receipt/", views.receipt, name="receipt"),
    path("receipt/answer/", views.receipt_answer, name="receipt_answer"),
    path("learning/", views.learning, name="learning"),
    path("learning/emails/", views.learning_emails, name="learning_emails"),
]
