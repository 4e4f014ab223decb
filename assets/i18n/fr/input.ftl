# Saisies hostiles ou maladroites aux frontières : dates hors limites (ticket 17, point 3).
input-time-out-of-range = « { $given } » est hors limites : donnez une heure entre le { $earliest } et le { $latest }
