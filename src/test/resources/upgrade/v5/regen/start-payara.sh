#!/bin/sh
# Starts the V5 WAR (a11d930) in demo mode on the fixture's PostgreSQL; prints the PID.
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
cd /work/wt-v5
nohup $JAVA_HOME/bin/java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dportal.mode=demo -Dportal.data-dir=/tmp/v5run/data \
 -Dportal.db.url=jdbc:postgresql://127.0.0.1:55432/portal -Dportal.db.user=portal -Dportal.db.password=$(cat /tmp/pgv5/portal-db-password) \
 -Dportal.demo.operator-password=fixture-v5-Operator-pw1 -Dportal.demo.admin-password=fixture-v5-DemoAdmin-pw1 -Dportal.demo.sales-password=fixture-v5-DemoSales-pw1 \
 -Dportal.http.port=18480 -jar target/payara-micro.jar --addlibs /root/.m2/repository/org/postgresql/postgresql/42.7.14/postgresql-42.7.14.jar \
 --deploy target/portal.war --contextroot / --port 18480 --nohazelcast --disablephonehome >> /tmp/v5run/payara.log 2>&1 &
echo $! > /tmp/v5run/payara.pid
cat /tmp/v5run/payara.pid
