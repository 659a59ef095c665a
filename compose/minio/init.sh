#!/bin/sh
# Creates the buckets and one user per server role, each with only the access its role needs.
# Runs once per `up`; every step is safe to repeat.
set -eu

mc alias set store http://minio:9000 "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" > /dev/null

for bucket in submissions hidden-labels public-data; do
  mc mb --ignore-existing "store/$bucket"
done

# grant ROLE ACCESS_KEY SECRET_KEY: policy from /init/policies/ROLE.json, attached to one user
grant() {
  mc admin policy create store "datachallenge-$1" "/init/policies/$1.json"
  mc admin user add store "$2" "$3"
  # Attaching a policy twice is an error, so only attach when the user lacks it.
  if ! mc admin user info store "$2" | grep -q "datachallenge-$1"; then
    mc admin policy attach store "datachallenge-$1" --user "$2"
  fi
}
grant api "$API_S3_ACCESS_KEY" "$API_S3_SECRET_KEY"
grant worker "$WORKER_S3_ACCESS_KEY" "$WORKER_S3_SECRET_KEY"
echo "minio-init: buckets and role users ready"
