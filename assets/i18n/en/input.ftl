# Hostile or careless input at the edges: dates out of range (issue 17, point 3).
input-time-out-of-range = "{ $given }" is out of range: give a time between { $earliest } and { $latest }
