"""Distances and walking times (plain Python: haversine on a spherical Earth).

The filters first narrow candidates in SQL with a bounding box on indexed
latitude/longitude columns (``bounding_box``), then compute exact great-circle
distances here on the few rows left.
"""

import math

EARTH_RADIUS_KM = 6371.0088
KM_PER_DEGREE_LAT = 111.32
# Walking estimate: 4.5 km/h on streets that are on average 1.3 times longer
# than the straight line ("12 min on foot").
WALKING_SPEED_KMH = 4.5
DETOUR_FACTOR = 1.3


def haversine_km(lat1, lon1, lat2, lon2) -> float:
    """Great-circle distance in kilometres between two WGS84 points."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = (
        math.sin(dphi / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(lat, lon, radius_km):
    """(min_lat, max_lat, min_lon, max_lon) enclosing the circle (a superset)."""
    dlat = radius_km / KM_PER_DEGREE_LAT
    cos_lat = max(math.cos(math.radians(lat)), 0.01)
    dlon = min(radius_km / (KM_PER_DEGREE_LAT * cos_lat), 180.0)
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


def walk_minutes(distance_km: float) -> int:
    """Estimated minutes on foot for a straight-line distance."""
    return max(1, round(distance_km * DETOUR_FACTOR / WALKING_SPEED_KMH * 60))


def radius_for_minutes(minutes: float) -> float:
    """The straight-line radius reachable on foot in ``minutes``."""
    return minutes / 60 * WALKING_SPEED_KMH / DETOUR_FACTOR
